import { mkdirSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { parse, stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { getTenantUsage } from "../../sdk/acronisLookups";
import { loadEstate } from "../../sdk/estate";
import { AcronisApi } from "../support/acronisApi";
import { repoRoot } from "../support/engine";
import { runWithEmulators } from "../support/exportCli";

const cli = path.join(repoRoot, "dist", "cli", "main.js");
const backup = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb";

describe("usage: the getTenantUsage lookup and tenant-estates export --usage, against the emulators", function () {
  this.timeout(60_000);
  let emulators: RunningEmulators;
  let api: AcronisApi;
  let customer: string;
  const dir = path.join(repoRoot, ".work", `usage-${process.pid}`);
  const exportTo = (file: string, ...flags: string[]) =>
    runWithEmulators(emulators, process.execPath, [
      cli,
      "export",
      "--acronis",
      ...flags,
      "--out",
      path.join(dir, file),
    ]);

  before(async () => {
    emulators = await startEmulators();
    api = new AcronisApi(emulators.acronis);
    customer = (
      await api.post("/tenants", {
        name: "Metered Ltd",
        kind: "customer",
        parent_id: emulators.acronis.partnerTenantId,
      })
    ).body.id;
    await api.put(`/tenants/${customer}/offering_items`, {
      offering_items: [
        { application_id: backup, name: "workstations", quota: { value: 25, overage: 30, version: 0 } },
        { application_id: backup, name: "storage", infra_id: "019097a6-114f-4418-bd54-e01ef049f209" },
      ],
    });
    await api.put(`/_emulator/tenants/${customer}/usages`, {
      items: [
        { name: "workstations", value: 7 },
        { name: "storage", infra_id: "019097a6-114f-4418-bd54-e01ef049f209", value: 5 * 1024 ** 3 },
      ],
    });
    mkdirSync(dir, { recursive: true });
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emulators?.close();
  });

  it("getTenantUsage answers the usage of each offering item, filtered as asked", async () => {
    const connection = {
      baseUrl: emulators.acronis.baseUrl,
      clientId: emulators.acronis.clientId,
      clientSecret: emulators.acronis.clientSecret,
    };
    const usage = await getTenantUsage(connection, customer);
    expect(usage.map((u) => [u.name, u.value, u.measurementUnit])).to.deep.equal([
      ["storage", 5 * 1024 ** 3, "bytes"],
      ["workstations", 7, "quantity"],
    ]);
    expect(usage[1]).to.deep.include({
      edition: "standard",
      usageName: "workstations",
      offeringItem: { status: 1, quota: { value: 25, overage: 30 } },
    });
    const storageOnly = await getTenantUsage(connection, customer, { usageNames: ["storage"] });
    expect(storageOnly.map((u) => u.name)).to.deep.equal(["storage"]);
  });

  it("export --usage writes each item's usage beside it; the file loads as the plain export does", async () => {
    const withUsage = await exportTo("usage.yaml", "--usage");
    expect(withUsage.status, withUsage.stderr).to.equal(0);
    const text = readFileSync(path.join(dir, "usage.yaml"), "utf8");
    expect(text).to.match(
      /^# usage \(tenant-estates export --usage\), collected since \d{4}-\d{2}-01T00:00:00Z\n/,
    );
    expect(text).to.include("- name: storage # usage: 5368709120 bytes (5.00 GiB)\n");
    expect(text).to.include("- name: workstations # usage: 7\n");
    const plain = await exportTo("plain.yaml");
    expect(plain.status, plain.stderr).to.equal(0);
    const plainText = readFileSync(path.join(dir, "plain.yaml"), "utf8");
    expect(plainText).to.not.include("usage");
    expect(plainText).to.equal(stringify(parse(text)));
    expect(loadEstate("usage.yaml", text)).to.deep.equal(loadEstate("plain.yaml", plainText));
    await exportTo("again.yaml");
    expect(readFileSync(path.join(dir, "again.yaml"), "utf8")).to.equal(plainText);
  });

  it("export --usage with HCP alone is a usage error (exit 2)", async () => {
    const result = await runWithEmulators(emulators, process.execPath, [cli, "export", "--hcp", "--usage"]);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.contain("--usage reports Acronis usage");
  });
});
