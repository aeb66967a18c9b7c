import { dispatchTable } from "./dispatch";
import { grpc, resourceProviderService as serviceDefinition } from "./modules";
import { resourceProviderService } from "./service";

/**
 * `pulumi-resource-tenant-estates`: the engine starts it with its own address as the argument, and reads
 * the port it listens on from the first line it prints.
 */
async function serve(): Promise<void> {
  process.on("unhandledRejection", (err) => console.error(err instanceof Error ? err.message : String(err)));
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(serviceDefinition, resourceProviderService(dispatchTable()));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    );
  });
  process.stdout.write(`${port}\n`);
}

serve().catch((err: unknown) => {
  console.error(`tenant-estates plugin: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
