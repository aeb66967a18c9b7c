import * as pulumi from "@pulumi/pulumi";
import { RegistrationWindow, shardOf } from "tenant-estates";
import { declareEstateCustomer } from "../../../test/programs/estate/customer";

// One shard (1 … shards) of the benchmark's estate (test/programs/estate without HCP): of N customers, those whose key
// hashes to this stack's shard, or that config `moved` (key=shard,...) assigns to another shard. The shard
// is the number ending the stack's name, not stack config: every shard has the same config, hence default
// providers with the same inputs, which `pulumi state move` requires to move a customer between shards.
const config = new pulumi.Config();
// As the main job when `stackTraces` is false.
if (config.getBoolean("stackTraces") === false) Error.stackTraceLimit = 0;
const partnerTenantId = config.require("partnerTenantId");
const customers = config.requireNumber("customers");
const shards = config.requireNumber("shards");
const shard = Number(pulumi.getStack().split("-").pop());
const moved = new Map(
  (config.get("moved") ?? "")
    .split(",")
    .filter((pair) => pair.includes("="))
    .map((pair) => pair.split("=") as [string, string]),
);

// As the demo's declareEstateGradually: at most `registrationWindow` customers await the engine (0: all at once).
const windowSize = config.getNumber("registrationWindow") ?? 0;

export = async () => {
  const window = windowSize > 0 ? new RegistrationWindow(windowSize) : undefined;
  for (let i = 0; i < customers; i++) {
    const key = `estate-${i}`;
    if (Number(moved.get(key) ?? shardOf(key, shards)) !== shard) continue;
    window?.track(declareEstateCustomer(i, partnerTenantId).group);
    await window?.room();
  }
};
