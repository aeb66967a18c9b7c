import { createRequire } from "node:module";
import type * as Grpc from "@grpc/grpc-js";
import type * as PluginPb from "@pulumi/pulumi/proto/plugin_pb";
import type * as ProviderPb from "@pulumi/pulumi/proto/provider_pb";
import type * as StatusPb from "@pulumi/pulumi/proto/status_pb";
import type * as AnyPb from "google-protobuf/google/protobuf/any_pb";
import type * as EmptyPb from "google-protobuf/google/protobuf/empty_pb";
import type * as StructPb from "google-protobuf/google/protobuf/struct_pb";

/**
 * gRPC and the engine's protocol, as `@pulumi/pulumi` itself loads them: one copy of each module, so the
 * messages this server builds are the classes the generated service definition serializes.
 */
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));

export const grpc = fromPulumi("@grpc/grpc-js") as typeof Grpc;
export const providerPb = fromPulumi("./proto/provider_pb") as typeof ProviderPb;
export const pluginPb = fromPulumi("./proto/plugin_pb") as typeof PluginPb;
export const statusPb = fromPulumi("./proto/status_pb") as typeof StatusPb;
export const structPb = fromPulumi("google-protobuf/google/protobuf/struct_pb") as typeof StructPb;
export const emptyPb = fromPulumi("google-protobuf/google/protobuf/empty_pb") as typeof EmptyPb;
export const anyPb = fromPulumi("google-protobuf/google/protobuf/any_pb") as typeof AnyPb;

/** The service definition `grpc.Server.addService` takes for the ResourceProvider service. */
export const resourceProviderService = (
  fromPulumi("./proto/provider_grpc_pb") as { ResourceProviderService: Grpc.ServiceDefinition }
).ResourceProviderService;
