import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { expect } from "chai";
import { stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { type Estate, type EstateCustomer, loadEstate } from "../../sdk/estate";
import { repoRoot, TestStack } from "../support/engine";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

interface JsonStep {
  op: string;
  urn: string;
  diffReasons?: string[];
  detailedDiff?: unknown;
  oldState?: { inputs?: unknown; outputs?: unknown };
  newState?: { inputs?: unknown; outputs?: unknown };
}

/** Every resource type of both APIs, with the type of each resource the estate declares. */
const resourceTypes = [
  "AccessPolicy",
  "ApiClient",
  "CustomerTenant",
  "FolderTenant",
  "HcpConsoleSecurity",
  "HcpNamespace",
  "HcpNamespaceDefaults",
  "HcpSearchSecurity",
  "HcpTenant",
  "HcpTenantContactInfo",
  "HcpTenantEmailNotification",
  "HcpTenantPermissions",
  "HcpUserAccount",
  "OfferingItems",
  "PartnerTenant",
  "TenantMfa",
  "TenantRemovalGuard",
  "User",
];

/** The resources the estate declares. */
const deployed = 30;

describe("end to end on the real engine: plans after `up` show nothing, and list changes name their items", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  const estate = loadEstate(path.join(repoRoot, "test/fixtures/quietPlans.estate.yaml"));
  const acme = () => estate.acronis?.customers?.[0] as EstateCustomer;
  const legal = () => estate.hcp?.tenants[0] as NonNullable<Estate["hcp"]>["tenants"][number];
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  const writeEstate = () => writeFileSync(estateFile(), stringify(estate));

  const text = async (args: string[]) => stripVTControlCharacters((await stack.mustRun(args)).stdout);
  const jsonSteps = async (args: string[]) =>
    (
      (JSON.parse((await stack.mustRun([...args, "--json"])).stdout) as { steps?: JsonStep[] }).steps ?? []
    ).filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::"));

  /** Asserts that plain, `--diff` and JSON previews, with or without --refresh, show no change at all. */
  const expectNothingPlanned = async () => {
    for (const refresh of [[], ["--refresh"]]) {
      const progress = await text(["preview", ...refresh]);
      expect(progress, `preview ${refresh}`).to.not.include("[diff:");
      // The stack itself counts as one more unchanged resource.
      expect(progress).to.include(`Resources:\n    ${deployed + 1} unchanged\n`);
      const diff = await text(["preview", "--diff", ...refresh]);
      expect(diff.split("\n").filter((line) => /^\s*[~+-] pulumi-nodejs:/.test(line))).to.deep.equal([]);
      // The JSON plan leaves unchanged resources out: what is left are the refresh steps, one a resource.
      const steps = await jsonSteps(["preview", ...refresh]);
      expect(steps.filter((s) => s.op === "refresh")).to.have.length(refresh.length > 0 ? deployed : 0);
      for (const step of steps) {
        expect([step.op, step.detailedDiff ?? null, step.diffReasons ?? []], step.urn).to.deep.equal([
          refresh.length > 0 ? "refresh" : "same",
          null,
          [],
        ]);
        expect(step.newState?.inputs, step.urn).to.deep.equal(step.oldState?.inputs);
        expect(step.newState?.outputs, step.urn).to.deep.equal(step.oldState?.outputs);
      }
    }
  };

  before(async () => {
    emulators = await startEmulators();
    stack = await TestStack.create("quiet-plans", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: "Quiet-initial-1", secret: true },
    });
    await stack.mustRun(["config", "set", "estateFile", estateFile()]);
    writeEstate();
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("deploys resources of every type (adopting, so `adopt` is stored), then plans nothing, even with --refresh", async () => {
    await stack.up();
    const state = JSON.parse(await stack.exportState()) as { deployment: { resources: { type: string }[] } };
    const types = state.deployment.resources.map((r) => r.type.split(":").pop() as string);
    expect([...new Set(types)].filter((t) => !["Stack", "pulumi-nodejs"].includes(t)).sort()).to.deep.equal(
      resourceTypes,
    );
    await expectNothingPlanned();
  });

  it("plans nothing when roles, tags, permissions or offering items are only listed in another order", async () => {
    const reversed = (list: unknown) => (list as unknown[]).reverse();
    reversed(acme().users?.[0].roles);
    reversed(acme().offeringItems);
    reversed(legal().tags);
    reversed(legal().authenticationTypes);
    reversed(legal().permissions?.permissions);
    reversed(legal().userAccounts?.[0].roles);
    writeEstate();
    await expectNothingPlanned();
  });

  it("names the offering items a quota change and a new item touch, in --diff and in the JSON inputs", async () => {
    Object.assign(acme().offeringItems?.find((item) => item.name === "workstations")?.quota as object, {
      value: 20,
    });
    acme().offeringItems?.push({ name: "mobiles", quota: { value: 3, overage: null } });
    writeEstate();
    const shown = (await text(["preview", "--diff"])).split("\n");
    const start = shown.findIndex((line) => line.includes("dynamic/acronis:OfferingItems: (update)"));
    expect(
      shown
        .slice(start + 1, shown.indexOf("Resources:"))
        .filter((line) => !/^\s*\[(id|urn)=/.test(line))
        .map((line) => line.replace(/"[0-9a-f-]{36}"/, '"<tenant>"')),
    ).to.deep.equal([
      "        adopt   : true",
      "      ~ items   : {",
      "          + mobiles     : {",
      '              + name : "mobiles"',
      "              + quota: {",
      "                  + overage: <null>",
      "                  + value  : 3",
      "                }",
      "            }",
      "            servers     : {",
      '                name: "servers"',
      "            }",
      "            storage     : {",
      '                name : "storage"',
      "                quota: {",
      "                    overage: <null>",
      "                    value  : 1099511627776",
      "                }",
      "            }",
      "          ~ workstations: {",
      '                name : "workstations"',
      "              ~ quota: {",
      "                    overage: 12",
      "                  ~ value  : 10 => 20",
      "                }",
      "            }",
      "        }",
      '        kind    : "customer"',
      '        parentId: "<tenant>"',
      '        tenantId: "<tenant>"',
    ]);
    expect(await previewPlan(stack)).to.deep.equal([
      {
        name: "acronis-acme-offering-items",
        op: "update",
        properties: ["items.mobiles", "items.workstations.quota.value"],
      },
    ]);
    await stack.up();
    await expectNothingPlanned();
  });
});
