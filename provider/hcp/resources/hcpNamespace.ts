import type * as pulumi from "@pulumi/pulumi";
import { type CreateProof, ownLostCreate, refuseAnotherStacks } from "../../core/adoption";
import { AuthenticationError, NameConflictError, NotFoundError, PermissionError } from "../../core/errors";
import { compositeId, everyHeldInput, readByIdAlone } from "../../core/importing";
import { plain } from "../../core/normalise";
import type { Owned, ResourceMarks } from "../../core/ownership";
import { checkResult, createOnce, diffProperties, finishCreate } from "../../core/resource";
import { alreadySatisfies, propertyRules, readResult, validateInputs } from "../../core/spec";
import type { HcpClient } from "../client";
import { locate } from "../locate";
import { type Namespace, NamespaceApi } from "../namespaceApi";
import {
  changedKeys,
  createBody,
  documentKeys,
  type HcpNamespaceInputs,
  type HcpNamespaceOutputs,
  type HeldNamespace,
  markOnNamespace,
  namespaceBody,
  namespaceMark,
  namespaceMarks,
  namespaceOutputs,
  versioningBody,
} from "../namespaceMapping";
import { HcpTenantLevelProvider } from "../provider";
import { hcpNamespaceSpec } from "../specs/hcpNamespace";

const rules = propertyRules(hcpNamespaceSpec);

/** The namespace with the sub-resources the inputs manage (read, and `tenant-estates export`, use it). */
export async function heldNamespace(
  namespaces: NamespaceApi,
  inputs: HcpNamespaceInputs,
  namespace: Namespace,
): Promise<HeldNamespace> {
  const name = namespace.name ?? inputs.name;
  return {
    namespace,
    versioning: inputs.versioning ? await namespaces.getVersioning(inputs.tenant, name) : undefined,
    compliance:
      inputs.defaultRetention !== undefined ? await namespaces.getCompliance(inputs.tenant, name) : undefined,
  };
}

/** What a read by the import id `<tenant>/<name>` asks for: the namespace and every setting it holds. */
function importedNamespace(id: string): HcpNamespaceOutputs {
  const [tenant, name] = compositeId(hcpNamespaceSpec.type, id, ["tenant", "name"]);
  const every = everyHeldInput(hcpNamespaceSpec, ["tenant", "username", "deletionPolicy"]);
  return { ...every, tenant, name } as unknown as HcpNamespaceOutputs;
}

/**
 * HCP namespaces (tenant level, ADMINISTRATOR): PUT to create, POST to change or rename, the
 * versioningSettings and complianceSettings sub-resources, DELETE of empty namespaces only. The id is
 * the namespace's UUID, so a rename made in the console is found again and shown as drift.
 */
// Choice: the id is the namespace's UUID; reads fall back from the name to a search by id, so console renames are drift, not deletion.
export class HcpNamespaceProvider extends HcpTenantLevelProvider implements pulumi.dynamic.ResourceProvider {
  readonly spec = hcpNamespaceSpec;

  protected readonly role = "ADMINISTRATOR (and, for defaultRetention, COMPLIANCE)";

  async check(
    olds: Partial<HcpNamespaceInputs>,
    news: HcpNamespaceInputs,
  ): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateInputs(hcpNamespaceSpec, olds, news));
  }

  async diff(
    _id: string,
    olds: HcpNamespaceOutputs,
    news: HcpNamespaceInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, rules);
  }

  private api(inputs: HcpNamespaceInputs): { client: HcpClient; namespaces: NamespaceApi } {
    const client = this.clientFor(inputs.tenant, inputs);
    return { client, namespaces: new NamespaceApi(client) };
  }

  /** The namespace by name, else by id (renamed in the console); undefined when it is gone. */
  private find(
    namespaces: NamespaceApi,
    tenant: string,
    name: string,
    id?: string,
  ): Promise<Namespace | undefined> {
    return locate(name, id, {
      get: (n) => namespaces.get(tenant, n),
      list: () => namespaces.list(tenant),
      idOf: (ns) => ns.id,
    });
  }

  private async outputsOf(namespaces: NamespaceApi, inputs: HcpNamespaceInputs, name: string, id?: string) {
    const namespace = await this.find(namespaces, inputs.tenant, name, id);
    if (!namespace)
      throw new NotFoundError({
        vendor: "HCP",
        operation: `GET /tenants/${inputs.tenant}/namespaces/${name}`,
        status: 404,
      });
    return namespaceOutputs(await heldNamespace(namespaces, inputs, namespace), inputs, rules);
  }

  async create(inputs: HcpNamespaceInputs & Owned): Promise<pulumi.dynamic.CreateResult> {
    const { namespaces } = this.api(inputs);
    const what = `namespace "${inputs.name}" of tenant "${inputs.tenant}"`;
    const marks = namespaceMarks(inputs);
    const proof: CreateProof<Namespace> = {
      what,
      markOf: (ns) => markOnNamespace(ns, marks),
      marks,
      resourceName: inputs.__resourceName,
    };
    return this.explained(inputs, async () => {
      const existing = inputs.adopt ? await namespaces.get(inputs.tenant, inputs.name) : undefined;
      if (existing) {
        refuseAnotherStacks(what, existing, markOnNamespace(existing, marks), marks, inputs.__resourceName);
        return this.adopt(namespaces, await this.markAdopted(namespaces, inputs, existing, marks), inputs);
      }
      const find = () => namespaces.get(inputs.tenant, inputs.name);
      try {
        await createOnce(
          () => namespaces.create(inputs.tenant, createBody(inputs, rules)).then(() => ({}) as Namespace),
          find,
          proof,
        );
      } catch (err) {
        const own = await ownLostCreate(err, find, proof);
        if (own) return this.adopt(namespaces, own, inputs);
        if (!(err instanceof NameConflictError)) throw err;
        throw err.copyWith({
          explanation: `a namespace named "${inputs.name}" already exists in tenant "${inputs.tenant}": choose another name, or set \`adopt: true\` to take it over`,
        });
      }
      const made = await namespaces.get(inputs.tenant, inputs.name);
      if (!made?.id)
        throw new Error(
          `${what} was created but cannot be read back: run \`pulumi up\` again to take it over`,
        );
      const { adopt: _adopt, ...known } = inputs;
      return finishCreate(made.id, inputs, plain(known), async () => {
        // The default retention is not part of the PUT: its own sub-resource (COMPLIANCE role) sets it.
        if (inputs.defaultRetention !== undefined)
          await namespaces.setCompliance(inputs.tenant, inputs.name, {
            retentionDefault: inputs.defaultRetention,
          });
        return this.outputsOf(namespaces, inputs, inputs.name, made.id);
      });
    });
  }

  /**
   * Adoption's one write beyond the declared differences: this resource's mark added to the namespace's tags,
   * so another stack's adopt is refused.
   */
  private async markAdopted(
    namespaces: NamespaceApi,
    inputs: HcpNamespaceInputs,
    namespace: Namespace,
    marks: ResourceMarks | undefined,
  ): Promise<Namespace> {
    if (marks === undefined || markOnNamespace(namespace, marks) !== undefined) return namespace;
    const tags = [...(namespace.tags ?? []), marks.ours];
    const name = namespace.name ?? inputs.name;
    const client = this.clientFor(inputs.tenant, inputs);
    await client.exclusive(`namespace:${inputs.tenant.toLowerCase()}/${namespace.id ?? name}`, () =>
      namespaces.modify(inputs.tenant, name, { tags }),
    );
    return { ...namespace, tags };
  }

  /** Takes over an existing namespace, writing only the declared differences. */
  private async adopt(namespaces: NamespaceApi, namespace: Namespace, inputs: HcpNamespaceInputs) {
    const id = namespace.id ?? inputs.name;
    if (
      inputs.hashScheme !== undefined &&
      namespace.hashScheme !== undefined &&
      namespace.hashScheme !== inputs.hashScheme
    )
      throw new Error(
        `namespace "${namespace.name}" of tenant "${inputs.tenant}" exists with hashScheme ${namespace.hashScheme}, which HCP cannot change: declare hashScheme "${namespace.hashScheme}" to adopt it`,
      );
    const held = namespaceOutputs(await heldNamespace(namespaces, inputs, namespace), inputs, rules);
    if (alreadySatisfies(hcpNamespaceSpec, held, inputs)) return { id, outs: held };
    return finishCreate(id, inputs, held, async () => (await this.update(id, held, inputs)).outs);
  }

  async read(id: string, props: HcpNamespaceOutputs): Promise<pulumi.dynamic.ReadResult> {
    const imported = readByIdAlone(props);
    const managed = imported ? importedNamespace(id) : props;
    const { namespaces } = this.api(managed);
    const outputs = await this.unlessTenantGone(managed, async () => {
      const namespace = await this.find(namespaces, managed.tenant, managed.name, imported ? undefined : id);
      return (
        namespace && namespaceOutputs(await heldNamespace(namespaces, managed, namespace), managed, rules)
      );
    });
    if (!outputs) return {};
    // Imported by `<tenant>/<name>`, the resource's id is still the namespace's own.
    return readResult(hcpNamespaceSpec, imported ? outputs.namespaceId : id, outputs, props);
  }

  async update(
    id: string,
    olds: HcpNamespaceOutputs,
    news: HcpNamespaceInputs & Owned,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const { client, namespaces } = this.api(news);
    return this.explained(news, async () => {
      const current = await this.find(namespaces, news.tenant, olds.name, id);
      if (!current?.name)
        throw new NotFoundError({
          vendor: "HCP",
          operation: `GET /tenants/${news.tenant}/namespaces/${olds.name}`,
          status: 404,
        });
      const changed = changedKeys(olds, news, rules);
      const renamed = current.name.toLowerCase() !== news.name.toLowerCase();
      const documentChanges = changed.filter((key) => documentKeys.includes(key) && key !== "name");
      // Tags are replaced whole: one write per namespace at a time.
      await client.exclusive(`namespace:${news.tenant.toLowerCase()}/${id}`, async () => {
        if (documentChanges.length > 0 || renamed) {
          const mark = documentChanges.includes("tags") ? namespaceMark(news) : undefined;
          const body = namespaceBody(news, [...documentChanges, ...(renamed ? ["name"] : [])], mark);
          await namespaces.modify(news.tenant, current.name as string, body);
        }
        if (changed.includes("versioning") && news.versioning)
          await namespaces.setVersioning(news.tenant, news.name, versioningBody(news.versioning));
        if (changed.includes("defaultRetention") && news.defaultRetention !== undefined)
          await namespaces.setCompliance(news.tenant, news.name, { retentionDefault: news.defaultRetention });
      });
      return { outs: await this.outputsOf(namespaces, news, news.name, id) };
    });
  }

  async delete(id: string, props: HcpNamespaceOutputs): Promise<void> {
    // Choice: without a policy in state, removal only forgets (see the spec's deletionPolicy).
    if (props.deletionPolicy !== "delete") return;
    const { namespaces } = this.api(props);
    await this.unlessTenantGone(props, async () => {
      const namespace = await this.find(namespaces, props.tenant, props.name, id);
      if (!namespace?.name) return true;
      try {
        await namespaces.delete(props.tenant, namespace.name);
      } catch (err) {
        throw await this.explainRefusedDelete(err, namespaces, props.tenant, namespace.name);
      }
      return true;
    });
  }

  /** A refused DELETE of a namespace that holds objects says how many, and what to do. */
  private async explainRefusedDelete(err: unknown, namespaces: NamespaceApi, tenant: string, name: string) {
    if (!(err instanceof PermissionError) || err instanceof AuthenticationError) return err;
    const objects = (await namespaces.getStatistics(tenant, name).catch(() => undefined))?.objectCount;
    if (!objects) return err;
    return err.copyWith({
      explanation:
        `namespace "${name}" of tenant "${tenant}" holds ${objects} object(s), and HCP deletes only empty namespaces: ` +
        `nothing was deleted. Remove its objects first, or set deletionPolicy to "retain" (and run \`pulumi up\`) to only forget it`,
    });
  }
}
