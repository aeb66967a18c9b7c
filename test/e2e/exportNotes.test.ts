import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import { repoRoot } from "../support/engine";
import { emulatorEnvironment, runWithEmulators } from "../support/exportCli";

const cli = path.join(repoRoot, "dist", "cli", "main.js");

describe("tenant-estates export says what it needs and what it leaves out", function () {
  this.timeout(120_000);
  let emulators: RunningEmulators;
  let api: AcronisApi;
  const exportWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    runWithEmulators(emulators, process.execPath, [cli, "export", ...args], { env });

  before(async () => {
    emulators = await startEmulators();
    api = new AcronisApi(emulators.acronis);
  });

  after(async () => {
    await emulators?.close();
  });

  it("names the environment variables to set, not stack config, which export does not read", async () => {
    const unset = Object.fromEntries(Object.keys(emulatorEnvironment(emulators)).map((name) => [name, ""]));
    const neither = await exportWith(unset);
    expect(neither.status).to.equal(1);
    expect(neither.stderr).to.equal(
      "tenant-estates export: Acronis is not configured: set ACRONIS_BASE_URL, ACRONIS_CLIENT_ID, " +
        "ACRONIS_CLIENT_SECRET in the environment (export reads no stack config), e.g. `export ACRONIS_CLIENT_SECRET=…`; " +
        "HCP is not configured: set HCP_DOMAIN, HCP_USERNAME, HCP_PASSWORD in the environment (export reads no " +
        "stack config), e.g. `export HCP_PASSWORD=…`\n",
    );
    const noSecret = await exportWith({ ACRONIS_CLIENT_SECRET: "" }, "--acronis");
    expect(noSecret.status).to.equal(1);
    expect(noSecret.stderr).to.equal(
      "tenant-estates export: Acronis is not configured: set ACRONIS_CLIENT_SECRET in the environment " +
        "(export reads no stack config), e.g. `export ACRONIS_CLIENT_SECRET=…`\n",
    );
  });

  it("says on stderr how many API clients of the exported tenants it left out, and why", async () => {
    const customer = (
      await api.post("/tenants", {
        name: "Integrated Co",
        kind: "customer",
        parent_id: emulators.acronis.partnerTenantId,
      })
    ).body as { id: string };
    for (const name of ["backup-sync", "billing-sync"]) {
      const made = await api.post("/clients", {
        type: "api_client",
        tenant_id: customer.id,
        token_endpoint_auth_method: "client_secret_basic",
        data: { client_name: name },
      });
      expect(made.status).to.equal(201);
    }
    const dir = mkdtempSync(path.join(tmpdir(), "export-notes-"));
    const out = path.join(dir, "estate.yaml");
    const result = await exportWith({}, "--acronis", "--out", out);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(
      "not in the estate file: 2 API clients of the exported tenants: export leaves API clients out, since the " +
        "API shows a client's secret only when it is made; declare one under its tenant's apiClients to adopt " +
        "it (its secret stays unknown until a rotation)\n",
    );
    const written = readFileSync(out, "utf8");
    expect(written).to.contain("name: Integrated Co");
    rmSync(dir, { recursive: true, force: true });
    expect(written).to.not.contain("apiClients");
  });
});
