import { jsonEqual, plain } from "../core/normalise";
import { markAmongTags, type Owned, type ResourceMarks, resourceMarks } from "../core/ownership";
import type { PropertyRules } from "../core/resource";
import { managedKeys } from "../core/resource";
import { fromWire, mappedProperties, toWire } from "../core/wire";
import type { HcpNamespaceInputs, HcpNamespaceOutputs } from "../generated/hcp";
import type { ComplianceSettings, Namespace, NamespaceVersioning } from "./namespaceApi";
import { hcpNamespaceSpec } from "./specs/hcpNamespace";
import { maxTagLength } from "./specs/hcpTenant";
import { pickKeys } from "./values";

/** Pure mapping between HcpNamespace inputs and the MAPI namespace and its sub-resources. */

export type { HcpNamespaceInputs, HcpNamespaceOutputs } from "../generated/hcp";

/** A namespace as HCP holds it: the document, and the sub-resources read when they are managed. */
export interface HeldNamespace {
  namespace: Namespace;
  versioning?: NamespaceVersioning;
  compliance?: ComplianceSettings;
}

/** Inputs that are elements of the namespace document itself (the rest live in sub-resources). */
export const documentKeys: readonly string[] = mappedProperties(hcpNamespaceSpec).map(([key]) => key);

/** This resource's marks on the namespace it creates: one of its tags. */
export function namespaceMarks(inputs: Owned): ResourceMarks | undefined {
  return resourceMarks(inputs, { maxLength: maxTagLength, tag: true });
}

export const namespaceMark = (inputs: Owned): string | undefined => namespaceMarks(inputs)?.ours;

/** The mark on a namespace that tells who created it: this resource's if it is there, else any other. */
export function markOnNamespace(namespace: Namespace, marks: ResourceMarks | undefined): string | undefined {
  return markAmongTags(namespace.tags, marks);
}

/** The versioning body: `prune` is sent as false when versioning is on and it is not given (HCP requires it). */
export function versioningBody(versioning: NamespaceVersioning): NamespaceVersioning {
  const body: NamespaceVersioning = { ...versioning };
  // Choice: prune defaults to false when versioning is enabled without it (HCP requires prune then).
  if (body.enabled && body.prune === undefined) body.prune = false;
  if (!body.prune) delete body.pruneDays;
  return plain(body);
}

/** The PUT/POST body for the given document keys; `mark` is added to the tags when they are written. */
export function namespaceBody(
  inputs: HcpNamespaceInputs,
  keys: readonly string[],
  mark?: string,
  stage: "create" | "update" = "update",
): Namespace {
  const body = toWire(hcpNamespaceSpec, { ...inputs }, stage, keys);
  if (Array.isArray(body.tags) && mark) body.tags = [...(body.tags as string[]), mark];
  return plain(body) as Namespace;
}

/** The create body: the document keys the program sets, the mark, and versioning (valid only on PUT). */
export function createBody(inputs: HcpNamespaceInputs & Owned, rules: PropertyRules): Namespace {
  const mark = namespaceMark(inputs);
  const body = namespaceBody(
    { ...inputs, tags: inputs.tags ?? (mark ? [] : undefined) },
    managedKeys(inputs, rules).concat(mark ? ["tags"] : []),
    mark,
    "create",
  );
  if (inputs.versioning) body.versioningSettings = versioningBody(inputs.versioning);
  return body;
}

/**
 * Outputs from what HCP holds: every input key the program manages, as HCP holds it, plus the id and
 * host name. Create, read and update all use it, so they agree. Credentials are the program's.
 */
export function namespaceOutputs(
  held: HeldNamespace,
  managed: HcpNamespaceInputs,
  rules: PropertyRules,
): HcpNamespaceOutputs {
  const ns = held.namespace;
  const fromApi: Record<string, unknown> = {
    ...fromWire(hcpNamespaceSpec, ns),
    defaultRetention: held.compliance?.retentionDefault,
    versioning: managed.versioning ? pickKeys(held.versioning, managed.versioning) : undefined,
    deletionPolicy: managed.deletionPolicy,
    tenant: managed.tenant,
    username: managed.username,
    password: managed.password,
  };
  const outputs: Record<string, unknown> = {
    namespaceId: ns.id,
    fullyQualifiedName: ns.fullyQualifiedName,
    creationTime: ns.creationTime,
  };
  for (const key of managedKeys(managed, rules)) if (key !== "adopt") outputs[key] = fromApi[key];
  outputs.name = ns.name;
  return plain(outputs) as unknown as HcpNamespaceOutputs;
}

/** The inputs whose value differs between the stored outputs and the new inputs (what an update writes). */
export function changedKeys(olds: object, news: HcpNamespaceInputs, rules: PropertyRules): string[] {
  return managedKeys(news, rules).filter((key) => {
    const rule = rules[key];
    if (rule.createOnly) return false;
    const normalise = rule.normalise ?? ((x: unknown) => x);
    const held = (olds as Record<string, unknown>)[key];
    return !jsonEqual(normalise(held ?? null), normalise((news as unknown as Record<string, unknown>)[key]));
  });
}
