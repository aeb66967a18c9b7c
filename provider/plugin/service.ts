import { readFileSync } from "node:fs";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import type * as ProviderPb from "@pulumi/pulumi/proto/provider_pb";
import { changedPaths } from "./diff";
import { type Served, servedType } from "./dispatch";
import { endpointChanges, endpointRefusal, respelledEndpoints } from "./endpoint";
import { emptyPb, pluginPb, providerPb } from "./modules";
import * as resources from "./resources";
import {
  checkProviderProperties,
  configSourceOf,
  packageRoot,
  providerProperties,
  schemaText,
} from "./settings";
import { unary, unimplemented } from "./status";
import { packageName, tokenOfRequest } from "./tokens";
import { valuesOf } from "./values";

type Values = Record<string, unknown>;

/** `tenant-estates:config:acronisBaseUrl` (or without `config:`) → `acronisBaseUrl`: the older form of Configure. */
function propertiesOfVariables(variables: Iterable<[string, string]>): Values {
  return Object.fromEntries([...variables].map(([key, value]) => [key.split(":").pop() as string, value]));
}

/** What a provider instance's Configure carries: its properties, typed (`args`) or as text (`variables`). */
function configuredProperties(req: ProviderPb.ConfigureRequest): Values {
  const args = valuesOf(req.getArgs());
  if (Object.keys(args).length > 0) return args;
  return propertiesOfVariables(
    req
      .getVariablesMap()
      .getEntryList()
      .filter(([key]) => key.startsWith(`${packageName}:`)),
  );
}

/**
 * The provider's properties that differ between two sets of its inputs: the engine's `version` aside, and
 * an endpoint spelled another way (a trailing slash, the host's case) is the same value.
 */
export function changedSettings(olds: Values, news: Values): string[] {
  const respelled = respelledEndpoints(olds, news);
  return [...new Set(changedPaths(olds, news).map((p) => p.split(".")[0]))]
    .filter((name) => name !== "version" && !respelled.includes(name))
    .sort();
}

/** The provider instance's name: the last part of its URN. */
const providerName = (urn: string): string => urn.split("::").pop() ?? urn;

const version = (): string =>
  (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

/**
 * The ResourceProvider service of one provider instance (one plugin process): its settings come from
 * Configure and reach every resource's provider as the same ConfigSource a stack's `acronis:*` / `hcp:*`
 * keys do, so each explicit instance reaches its own Acronis data center or HCP system.
 */
export function resourceProviderService(table: Map<string, Served>) {
  const schema = schemaText();
  const known = providerProperties(schema);
  const typed = <Req extends { getType(): string; getUrn(): string }, Res>(
    operation: (served: Served, req: Req) => Promise<Res>,
  ) => unary((req: Req) => operation(servedType(table, tokenOfRequest(req.getType(), req.getUrn())), req));
  return {
    getPluginInfo: unary(() => {
      const info = new pluginPb.PluginInfo();
      info.setVersion(version());
      return info;
    }),
    getSchema: unary(() => {
      const resp = new providerPb.GetSchemaResponse();
      resp.setSchema(schema);
      return resp;
    }),
    checkConfig: unary((req: ProviderPb.CheckRequest) => {
      const news = valuesOf(req.getNews());
      const resp = new providerPb.CheckResponse();
      resp.setInputs(req.getNews());
      resp.setFailuresList(
        checkProviderProperties(news, known).map(({ property, reason }) => {
          const failure = new providerPb.CheckFailure();
          failure.setProperty(property);
          failure.setReason(reason);
          return failure;
        }),
      );
      return resp;
    }),
    diffConfig: unary((req: ProviderPb.DiffRequest) => {
      const olds = req.getOldInputs() ? valuesOf(req.getOldInputs()) : valuesOf(req.getOlds());
      const news = valuesOf(req.getNews());
      // An error, not a replacement: replacing would delete every object on the old system and make it anew.
      const moved = endpointChanges(olds, news);
      if (moved.length > 0) throw new Error(endpointRefusal(providerName(req.getUrn()), moved));
      const changed = changedSettings(olds, news);
      const resp = new providerPb.DiffResponse();
      const { DIFF_SOME, DIFF_NONE } = providerPb.DiffResponse.DiffChanges;
      resp.setChanges(changed.length > 0 ? DIFF_SOME : DIFF_NONE);
      resp.setDiffsList(changed);
      resp.setHasdetaileddiff(true);
      for (const name of changed) {
        const detail = new providerPb.PropertyDiff();
        detail.setKind(providerPb.PropertyDiff.Kind.UPDATE);
        detail.setInputdiff(true);
        resp.getDetaileddiffMap().set(name, detail);
      }
      return resp;
    }),
    configure: unary(async (req: ProviderPb.ConfigureRequest) => {
      const request = { config: configSourceOf(configuredProperties(req)) };
      for (const { provider } of table.values())
        await provider.configure?.(request as unknown as pulumi.dynamic.ConfigureRequest);
      const resp = new providerPb.ConfigureResponse();
      // Plain values in, secrets marked by the spec on the way out (the engine re-marks secret inputs).
      resp.setAcceptsecrets(false);
      resp.setSupportspreview(false);
      return resp;
    }),
    check: typed(resources.check),
    diff: typed(resources.diff),
    create: typed(resources.create),
    read: typed(resources.read),
    update: typed(resources.update),
    delete: typed(resources.remove),
    cancel: unary(() => new emptyPb.Empty()),
    invoke: unimplemented("Invoke"),
    call: unimplemented("Call"),
    construct: unimplemented("Construct"),
    handshake: unimplemented("Handshake"),
    parameterize: unimplemented("Parameterize"),
    attach: unimplemented("Attach"),
    getMapping: unimplemented("GetMapping"),
    getMappings: unimplemented("GetMappings"),
  };
}
