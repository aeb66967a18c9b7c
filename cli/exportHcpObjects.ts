/** What `tenant-estates export` reads inside one HCP tenant, signed in the way the estate file signs in. */
import estateSchema from "../estate.schema.json";
import { propertyRules, type ResourceSpec } from "../provider/core/spec";
import type { HcpClient } from "../provider/hcp/client";
import { NamespaceApi, type UserAccount, UserAccountApi } from "../provider/hcp/namespaceApi";
import { type HcpNamespaceInputs, namespaceOutputs } from "../provider/hcp/namespaceMapping";
import { HcpConsoleSecurityProvider } from "../provider/hcp/resources/hcpConsoleSecurity";
import { heldNamespace } from "../provider/hcp/resources/hcpNamespace";
import { HcpNamespaceDefaultsProvider } from "../provider/hcp/resources/hcpNamespaceDefaults";
import { HcpSearchSecurityProvider } from "../provider/hcp/resources/hcpSearchSecurity";
import { HcpTenantContactInfoProvider } from "../provider/hcp/resources/hcpTenantContactInfo";
import { HcpTenantEmailNotificationProvider } from "../provider/hcp/resources/hcpTenantEmailNotification";
import { HcpTenantPermissionsProvider } from "../provider/hcp/resources/hcpTenantPermissions";
import { hcpNamespaceSpec } from "../provider/hcp/specs/hcpNamespace";
import { hcpUserAccountSpec } from "../provider/hcp/specs/hcpUserAccount";
import { accountOutputs, type HcpUserAccountInputs } from "../provider/hcp/userAccountMapping";
import type { EstateHcpTenant } from "../sdk/estateFile";
import { slug } from "../sdk/estateFile";
import { isAdministrator, settingsDocuments } from "../sdk/estateHcp";
import { compactSorted, type ExportReport, withUniqueKeys } from "./exportCommon";

/** A definition of estate.schema.json, as far as export walks it. */
interface SchemaObject {
  properties?: Record<string, SchemaObject>;
}
const definitions = estateSchema.definitions as unknown as Record<string, SchemaObject>;

/** Every member an estate entry of `definition` holds, as `true` (objects member by member): read gives each back. */
function everyMember(definition: SchemaObject, leftOut: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(definition.properties ?? {})
      .filter(([key]) => !leftOut.includes(key))
      .map(([key, member]) => [key, member.properties ? everyMember(member) : true]),
  );
}

/** The entry's own key, the inputs used only at create, and the program's deletion policy are not read back. */
const notReadBack = (spec: ResourceSpec): string[] => [
  "key",
  "deletionPolicy",
  ...Object.keys(spec.properties).filter((key) => spec.properties[key].createOnly),
];

type SettingsReader = { readSettings(client: HcpClient, managed: never): Promise<object | undefined> };

/** Each settings document of the estate file, with the provider whose read maps it. */
const documentReaders: Record<string, SettingsReader> = {
  consoleSecurity: new HcpConsoleSecurityProvider(),
  searchSecurity: new HcpSearchSecurityProvider(),
  contactInfo: new HcpTenantContactInfoProvider(),
  emailNotification: new HcpTenantEmailNotificationProvider(),
  namespaceDefaults: new HcpNamespaceDefaultsProvider(),
  permissions: new HcpTenantPermissionsProvider(),
};
const documentsFor = (role: "SECURITY" | "ADMINISTRATOR") =>
  Object.keys(settingsDocuments).filter((document) => settingsDocuments[document].role === role);
const definitionOf = (document: string) => definitions[`hcp${document[0].toUpperCase()}${document.slice(1)}`];

// Choice: values are exported as HCP holds them, but empty strings and empty lists are left out (as the tenant's tags), and so is a document left with nothing.
async function readDocuments(client: HcpClient, tenant: string, role: "SECURITY" | "ADMINISTRATOR") {
  const entry: Record<string, unknown> = {};
  for (const document of documentsFor(role)) {
    const managed = { tenant, ...everyMember(definitionOf(document)) } as never;
    const values = compactSorted(await documentReaders[document].readSettings(client, managed));
    if (values && Object.keys(values).length > 0) entry[document] = values;
  }
  return entry;
}

const accountMembers = everyMember(definitions.hcpUserAccount, notReadBack(hcpUserAccountSpec));
const accountRules = propertyRules(hcpUserAccountSpec);
const namespaceMembers = everyMember(definitions.hcpNamespace, notReadBack(hcpNamespaceSpec));
const namespaceRules = propertyRules(hcpNamespaceSpec);

const pick = (outputs: object, members: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(members).map((key) => [key, (outputs as Record<string, unknown>)[key]]));
const byUsername = (a: UserAccount, b: UserAccount) => String(a.username).localeCompare(String(b.username));
const sameName = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

async function readAccounts(client: HcpClient, tenant: string): Promise<UserAccount[]> {
  const api = new UserAccountApi(client);
  const accounts: UserAccount[] = [];
  for (const username of await api.list(tenant)) {
    const account = await api.get(tenant, username);
    if (account?.username) accounts.push(account);
  }
  return accounts.sort(byUsername);
}

// Choice: no password is exported (HCP never returns one): adoption leaves each account's own, and hcpInitialUserPassword is only how `up` signs in.
function accountEntries(tenant: string, accounts: readonly UserAccount[]): EstateHcpTenant["userAccounts"] {
  const managed = { tenant, ...accountMembers } as unknown as HcpUserAccountInputs;
  const entries = accounts.map((account) =>
    compactSorted({
      key: slug(String(account.username)),
      ...pick(accountOutputs(account, managed, accountRules), accountMembers),
    }),
  );
  return withUniqueKeys(entries) as EstateHcpTenant["userAccounts"];
}

async function readNamespaces(
  client: HcpClient,
  tenant: string,
): Promise<NonNullable<EstateHcpTenant["namespaces"]>> {
  const api = new NamespaceApi(client);
  const entries: { key: string; name: string }[] = [];
  for (const name of await api.list(tenant)) {
    const namespace = await api.get(tenant, name);
    if (!namespace?.name) continue;
    const managed = { tenant, name, ...namespaceMembers } as unknown as HcpNamespaceInputs;
    const outputs = namespaceOutputs(await heldNamespace(api, managed, namespace), managed, namespaceRules);
    entries.push(
      compactSorted({ key: slug(namespace.name), ...pick(outputs, namespaceMembers), name: namespace.name }),
    );
  }
  return withUniqueKeys(entries.sort((a, b) => a.name.localeCompare(b.name)));
}

/** How export signs in to one tenant: the account given for it, and a client for any account of it. */
export interface TenantSignIn {
  username: string;
  clientAs(username: string): HcpClient;
}

const failure = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * A tenant's settings documents, user accounts and namespaces as the estate file holds them, read the way
 * `up` of that file signs in: the given account is the `initialUser` (SECURITY: console and search security,
 * the user accounts), the first ADMINISTRATOR account of `userAccounts` the rest, both with one password.
 * What cannot be read is left out and said on stderr; reads only.
 */
export async function tenantObjects(
  tenant: string,
  signIn: TenantSignIn,
  report: ExportReport,
): Promise<Partial<EstateHcpTenant>> {
  const security = signIn.clientAs(signIn.username);
  let securityDocuments: Record<string, unknown>;
  let accounts: UserAccount[];
  try {
    securityDocuments = await readDocuments(security, tenant, "SECURITY");
    accounts = await readAccounts(security, tenant);
  } catch (err) {
    report.notExpressed(
      `hcp: tenant "${tenant}": its settings documents, user accounts and namespaces are not exported: signing in as "${signIn.username}" failed: ${failure(err)}`,
    );
    return {};
  }
  const own = accounts.find((a) => sameName(a.username, signIn.username));
  // Choice: the given account is the initialUser; the ADMINISTRATOR that signs in for the rest is it if it has the role, else the first by username, and is listed first in userAccounts.
  const admin =
    own && isAdministrator(own.roles) ? own : accounts.find((a) => a !== own && isAdministrator(a.roles));
  const listed = [...(admin ? [admin] : []), ...accounts.filter((a) => a !== own && a !== admin)];
  const entry: Partial<EstateHcpTenant> = {
    initialUser: { name: own?.username ?? signIn.username },
    ...securityDocuments,
    userAccounts: listed.length > 0 ? accountEntries(tenant, listed) : undefined,
  };
  const adminPart = `${documentsFor("ADMINISTRATOR").join(", ")} and namespaces`;
  if (!admin?.username) {
    report.notExpressed(
      `hcp: tenant "${tenant}": ${adminPart} are not exported: the estate file signs in for them as an ADMINISTRATOR account of userAccounts, and the tenant has none`,
    );
    return entry;
  }
  try {
    const client = signIn.clientAs(admin.username);
    const adminDocuments = await readDocuments(client, tenant, "ADMINISTRATOR");
    const namespaces = await readNamespaces(client, tenant);
    report.progress(
      `hcp: tenant "${tenant}": settings, ${listed.length} user accounts and ${namespaces.length} namespaces read`,
    );
    return { ...entry, ...adminDocuments, namespaces: namespaces.length > 0 ? namespaces : undefined };
  } catch (err) {
    report.notExpressed(
      `hcp: tenant "${tenant}": ${adminPart} are not exported: signing in as "${admin.username}" (the ADMINISTRATOR account the estate file signs in as) failed: ${failure(err)}`,
    );
    return entry;
  }
}
