import { type HcpClient, text } from "./client";
import { elementShape } from "./elements";
import { withoutSecrets } from "./errors";
import { hcpNamespaceSpec } from "./specs/hcpNamespace";
import { hcpUserAccountSpec } from "./specs/hcpUserAccount";
import { buildXml, parseXmlList, type Shape, type XmlObject } from "./xml";

/** The namespace and tenant user-account calls of MAPI (reference-next §1, §2), over an HcpClient. */

/** The namespace properties this project reads and writes, as the wire has them. */
export interface Namespace {
  name?: string;
  description?: string;
  hardQuota?: string;
  softQuota?: number;
  /** Only on PUT and in verbose answers. */
  hashScheme?: string;
  enterpriseMode?: boolean;
  searchEnabled?: boolean;
  indexingEnabled?: boolean;
  customMetadataIndexingEnabled?: boolean;
  tags?: string[];
  /** PUT only: afterwards its own sub-resource. */
  versioningSettings?: NamespaceVersioning;
  id?: string;
  fullyQualifiedName?: string;
  creationTime?: string;
}

export interface NamespaceVersioning {
  enabled?: boolean;
  prune?: boolean;
  pruneDays?: number;
}

export interface ComplianceSettings {
  retentionDefault?: string;
}

export interface NamespaceStatistics {
  objectCount?: number;
  storageCapacityUsed?: number;
}

/** The document's elements: the spec's mapped ones, and what HCP assigns. */
export const namespaceShape: Shape = {
  ...elementShape(hcpNamespaceSpec),
  id: "string",
  fullyQualifiedName: "string",
  creationTime: "string",
};

const versioningShape: Shape = { enabled: "boolean", prune: "boolean", pruneDays: "integer" };
const complianceShape: Shape = { retentionDefault: "string" };
const statisticsShape: Shape = { objectCount: "integer", storageCapacityUsed: "integer" };

const enc = encodeURIComponent;
const namespacesPath = (tenant: string) => `/tenants/${enc(tenant)}/namespaces`;
const namespacePath = (tenant: string, name: string) => `${namespacesPath(tenant)}/${enc(name)}`;
// Choice: namespaces and user accounts are listed 100 names a page, like tenants.
const pageSize = 100;

/** Every page of a MAPI name list (`<root><entry>…`). */
async function listAll(client: HcpClient, path: string, root: string, entry: string): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const answer = await client.call({
      method: "GET",
      path,
      params: { offset, count: pageSize },
      operation: `GET ${path}`,
    });
    const page = parseXmlList(text(answer.data), root, entry, `GET ${path}`).map(String);
    names.push(...page);
    if (page.length < pageSize) return names;
  }
}

/** HEAD: HCP answers 302 or 404 for an object that is missing (or hidden from this account). */
async function exists(client: HcpClient, path: string): Promise<boolean> {
  const answer = await client.call({ method: "HEAD", path, accept: [302, 404], operation: `HEAD ${path}` });
  return answer.status === 200;
}

export class NamespaceApi {
  constructor(private readonly client: HcpClient) {}

  list(tenant: string): Promise<string[]> {
    return listAll(this.client, namespacesPath(tenant), "namespaces", "name");
  }

  /** Verbose, so hashScheme and the id come too; undefined when absent. */
  get(tenant: string, name: string): Promise<Namespace | undefined> {
    return this.client.getDocument<Namespace>(namespacePath(tenant, name), "namespace", namespaceShape, true);
  }

  exists(tenant: string, name: string): Promise<boolean> {
    return exists(this.client, namespacePath(tenant, name));
  }

  /** PUT: not repeated blindly, since a repeat of an applied create answers 409 (the provider looks first). */
  async create(tenant: string, body: Namespace): Promise<void> {
    const path = namespacesPath(tenant);
    await this.client.call({
      method: "PUT",
      path,
      idempotent: false,
      data: buildXml("namespace", body as XmlObject),
      operation: `PUT ${path} (create namespace "${body.name}")`,
    });
  }

  /** POST: only what the body names changes; a `name` renames the namespace. */
  modify(tenant: string, name: string, changes: Namespace): Promise<void> {
    return this.client.postDocument(namespacePath(tenant, name), "namespace", changes);
  }

  /** DELETE; a namespace already gone counts as deleted. HCP refuses one that holds objects. */
  async delete(tenant: string, name: string): Promise<void> {
    const path = namespacePath(tenant, name);
    await this.client.call({ method: "DELETE", path, accept: [404], operation: `DELETE ${path}` });
  }

  getVersioning(tenant: string, name: string): Promise<NamespaceVersioning | undefined> {
    const path = `${namespacePath(tenant, name)}/versioningSettings`;
    return this.client.getDocument(path, "versioningSettings", versioningShape);
  }

  setVersioning(tenant: string, name: string, settings: NamespaceVersioning): Promise<void> {
    return this.client.postDocument(
      `${namespacePath(tenant, name)}/versioningSettings`,
      "versioningSettings",
      settings,
    );
  }

  getCompliance(tenant: string, name: string): Promise<ComplianceSettings | undefined> {
    const path = `${namespacePath(tenant, name)}/complianceSettings`;
    return this.client.getDocument(path, "complianceSettings", complianceShape);
  }

  /** Needs the COMPLIANCE role. */
  setCompliance(tenant: string, name: string, settings: ComplianceSettings): Promise<void> {
    return this.client.postDocument(
      `${namespacePath(tenant, name)}/complianceSettings`,
      "complianceSettings",
      settings,
    );
  }

  getStatistics(tenant: string, name: string): Promise<NamespaceStatistics | undefined> {
    return this.client.getDocument(
      `${namespacePath(tenant, name)}/statistics`,
      "statistics",
      statisticsShape,
    );
  }
}

/** A tenant user account as this project reads and writes it; never a password. */
export interface UserAccount {
  username?: string;
  fullName?: string;
  description?: string;
  localAuthentication?: boolean;
  forcePasswordChange?: boolean;
  enabled?: boolean;
  roles?: string[];
  userGUID?: string;
}

/** The account's elements: the spec's mapped ones (userGUID among them, which HCP assigns). */
export const userAccountShape: Shape = elementShape(hcpUserAccountSpec);

const accountsPath = (tenant: string) => `/tenants/${enc(tenant)}/userAccounts`;
const accountPath = (tenant: string, username: string) => `${accountsPath(tenant)}/${enc(username)}`;

export class UserAccountApi {
  constructor(private readonly client: HcpClient) {}

  list(tenant: string): Promise<string[]> {
    return listAll(this.client, accountsPath(tenant), "userAccounts", "username");
  }

  /** Verbose, so the GUID comes too (with the SECURITY role); undefined when absent. */
  get(tenant: string, username: string): Promise<UserAccount | undefined> {
    return this.client.getDocument<UserAccount>(
      accountPath(tenant, username),
      "userAccount",
      userAccountShape,
      true,
    );
  }

  exists(tenant: string, username: string): Promise<boolean> {
    return exists(this.client, accountPath(tenant, username));
  }

  /**
   * PUT with the password as the `password` query parameter, as HCP requires. It never appears in an
   * operation name, and any echo of it in HCP's error message is cut out.
   */
  async create(tenant: string, account: UserAccount, password?: string): Promise<void> {
    const path = accountsPath(tenant);
    try {
      await this.client.call({
        method: "PUT",
        path,
        params: password === undefined ? undefined : { password },
        idempotent: false,
        data: buildXml("userAccount", account as XmlObject),
        operation: `PUT ${path} (create user account "${account.username}")`,
      });
    } catch (err) {
      throw withoutSecrets(err, password === undefined ? [] : [password]);
    }
  }

  /** POST: only what the body names changes; roles given replace the old ones; a `username` renames. */
  modify(tenant: string, username: string, changes: UserAccount): Promise<void> {
    return this.client.postDocument(accountPath(tenant, username), "userAccount", changes);
  }

  /** DELETE; an account already gone counts as deleted. */
  async delete(tenant: string, username: string): Promise<void> {
    const path = accountPath(tenant, username);
    await this.client.call({ method: "DELETE", path, accept: [404], operation: `DELETE ${path}` });
  }
}
