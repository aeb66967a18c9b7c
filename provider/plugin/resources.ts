import type * as ProviderPb from "@pulumi/pulumi/proto/provider_pb";
import { readByIdAlone } from "../core/importing";
import type { ResourceSpec } from "../core/spec";
import { propertyChanges } from "./diff";
import type { Served } from "./dispatch";
import { emptyPb, providerPb } from "./modules";
import { ownershipInputs } from "./tokens";
import { importedInputs, importedOutputs, structOf, valuesOf, withSecretsMarked } from "./values";

/**
 * The resource operations of the engine's protocol, each translated to the provider's own call and back,
 * as `@pulumi/pulumi`'s dynamic-provider host does, plus what that host leaves out: the per-property diff,
 * and inputs from a read by id alone (import).
 */

export async function check(served: Served, req: ProviderPb.CheckRequest): Promise<ProviderPb.CheckResponse> {
  const olds = valuesOf(req.getOlds());
  // A program's own values first; the rest as the SDK's classes send them, for the ownership marks.
  const news = { ...ownershipInputs(req.getUrn()), ...valuesOf(req.getNews()) };
  const checked = served.provider.check ? await served.provider.check(olds, news) : { inputs: news };
  const resp = new providerPb.CheckResponse();
  resp.setInputs(structOf(checked.inputs ?? news));
  resp.setFailuresList(
    (checked.failures ?? []).map((f) => {
      const failure = new providerPb.CheckFailure();
      failure.setProperty(f.property);
      failure.setReason(f.reason);
      return failure;
    }),
  );
  return resp;
}

const diffKinds = {
  add: [providerPb.PropertyDiff.Kind.ADD, providerPb.PropertyDiff.Kind.ADD_REPLACE],
  delete: [providerPb.PropertyDiff.Kind.DELETE, providerPb.PropertyDiff.Kind.DELETE_REPLACE],
  update: [providerPb.PropertyDiff.Kind.UPDATE, providerPb.PropertyDiff.Kind.UPDATE_REPLACE],
} as const;

export async function diff(served: Served, req: ProviderPb.DiffRequest): Promise<ProviderPb.DiffResponse> {
  const [olds, news, oldInputs] = [
    valuesOf(req.getOlds()),
    valuesOf(req.getNews()),
    valuesOf(req.getOldInputs()),
  ];
  const result = served.provider.diff ? await served.provider.diff(req.getId(), olds, news) : {};
  const resp = new providerPb.DiffResponse();
  const { DIFF_SOME, DIFF_NONE, DIFF_UNKNOWN } = providerPb.DiffResponse.DiffChanges;
  resp.setChanges(result.changes === true ? DIFF_SOME : result.changes === false ? DIFF_NONE : DIFF_UNKNOWN);
  if (result.changes !== true) return resp;
  const replaces = result.replaces ?? [];
  const changes = propertyChanges(served.spec, olds, oldInputs, news, replaces);
  resp.setReplacesList([...replaces]);
  resp.setDeletebeforereplace(result.deleteBeforeReplace === true);
  resp.setDiffsList([...new Set(changes.map((c) => c.path.split(".")[0]))]);
  resp.setHasdetaileddiff(true);
  for (const change of changes) {
    const detail = new providerPb.PropertyDiff();
    detail.setKind(diffKinds[change.kind][change.replaces ? 1 : 0]);
    detail.setInputdiff(true);
    resp.getDetaileddiffMap().set(change.path, detail);
  }
  return resp;
}

/** A partial create's outputs go to state too: their secrets are marked as a create's are. */
function withFailureSecretsMarked(spec: ResourceSpec, err: unknown): unknown {
  const failure = err as { properties?: unknown };
  if (err instanceof Error && failure.properties && typeof failure.properties === "object")
    failure.properties = withSecretsMarked(spec, failure.properties as Record<string, unknown>);
  return err;
}

export async function create(
  served: Served,
  req: ProviderPb.CreateRequest,
): Promise<ProviderPb.CreateResponse> {
  const created = await served.provider
    .create(valuesOf(req.getProperties()))
    .catch((err: unknown) => Promise.reject(withFailureSecretsMarked(served.spec, err)));
  const resp = new providerPb.CreateResponse();
  resp.setId(created.id);
  resp.setProperties(structOf(withSecretsMarked(served.spec, created.outs ?? {})));
  return resp;
}

/**
 * A refresh sends the stored outputs; an import or a `get` sends the id alone, and then the inputs are
 * what the read found (an absent object is answered with no id).
 */
export async function read(served: Served, req: ProviderPb.ReadRequest): Promise<ProviderPb.ReadResponse> {
  const props = valuesOf(req.getProperties());
  const byIdAlone = readByIdAlone(props);
  const found = served.provider.read
    ? await served.provider.read(req.getId(), props)
    : { id: req.getId(), props };
  const resp = new providerPb.ReadResponse();
  if (!found.id || !found.props) return resp;
  const read = found.props as Record<string, unknown>;
  const outputs = byIdAlone ? importedOutputs(served.spec, read) : read;
  resp.setId(found.id);
  resp.setProperties(structOf(withSecretsMarked(served.spec, outputs)));
  const inputs = byIdAlone ? importedInputs(served.spec, outputs) : found.inputs;
  if (inputs) resp.setInputs(structOf(withSecretsMarked(served.spec, inputs)));
  return resp;
}

export async function update(
  served: Served,
  req: ProviderPb.UpdateRequest,
): Promise<ProviderPb.UpdateResponse> {
  const [olds, news] = [valuesOf(req.getOlds()), valuesOf(req.getNews())];
  const updated = served.provider.update
    ? await served.provider.update(req.getId(), olds, news)
    : { outs: news };
  const resp = new providerPb.UpdateResponse();
  resp.setProperties(structOf(withSecretsMarked(served.spec, updated.outs ?? news)));
  return resp;
}

export async function remove(served: Served, req: ProviderPb.DeleteRequest) {
  await served.provider.delete?.(req.getId(), valuesOf(req.getProperties()));
  return new emptyPb.Empty();
}
