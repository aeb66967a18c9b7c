import { existsSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { declareEstateGradually, EstateError, estateShard, loadEstate, stackShard } from "tenant-estates";

// The main job: the estate file (estate.yaml beside Pulumi.yaml unless `estateFile` says otherwise),
// validated, then declared. Acronis customers go under partnerTenantId; HCP initial users get the secret
// hcpInitialUserPassword.
const config = new pulumi.Config();
// Choice: no stack traces in the main job, unless config `stackTraces` is true: @pulumi/pulumi captures one
// per resource and per tracked promise, each mapped through source maps, which took half of a 5,000-resource
// preview's CPU; the estate file's errors name file, line and property without them.
if (config.getBoolean("stackTraces") !== true) Error.stackTraceLimit = 0;
/** The directory of Pulumi.yaml: the program runs from its own directory, below it. */
function projectRoot(from = process.cwd()): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

const file = path.resolve(projectRoot(), config.get("estateFile") ?? "estate.yaml");

let estate: ReturnType<typeof loadEstate>;
try {
  estate = loadEstate(file);
} catch (err) {
  // The engine prints this as the program's error: every problem with file, line and property.
  if (err instanceof EstateError) throw new pulumi.RunError(err.message);
  throw err;
}

// With `estateShards` K (the same in every shard), stack `<name>-k` declares only shard k (docs/scaling.md).
const shards = config.getNumber("estateShards");
if (shards !== undefined) estate = estateShard(estate, stackShard(pulumi.getStack(), shards), shards);

// Declared gradually: the program holds the tenants the engine is working on, not the whole estate.
export = async () => {
  const declared = await declareEstateGradually(estate, {
    partnerTenantId: config.get("partnerTenantId"),
    hcpInitialUserPassword: config.getSecret("hcpInitialUserPassword"),
  });
  return {
    estateFile: path.basename(file),
    customers: Object.fromEntries(declared.customers.map((c) => [c.name, c.tenantId])),
    users: Object.fromEntries(declared.customers.flatMap((c) => c.users.map((u) => [u.login, u.userId]))),
    hcpTenants: Object.fromEntries(declared.hcpTenants.map((t) => [t.name, t.tenantId])),
    // Read back by the next run, which then checks the removal of an account's last partner at preview.
    tenantRemovalGuards: declared.tenantRemovalGuards,
  };
};
