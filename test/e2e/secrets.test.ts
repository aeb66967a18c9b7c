import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import type { RunningEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import type { TestStack } from "../support/engine";
import { estateStack, tenantPassword } from "../support/estate";
import { HcpApi } from "../support/hcpApi";

/** Every file under `dir` as text (the engine's own logs and plugin cache included). */
function filesText(dir: string): string {
  let text = "";
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (statSync(full).size < 50_000_000) text += readFileSync(full).toString("utf8");
    }
  };
  walk(dir);
  return text;
}

describe("secrets: no credential or password in plaintext anywhere", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let secrets: Record<string, string>;
  const seen: Record<string, string> = {};

  before(async () => {
    ({ emulators, stack } = await estateStack(
      "secrets",
      { customers: 2, hcpTenants: 1 },
      { apiClients: { value: "1" } },
    ));
    secrets = {
      "Acronis client secret": emulators.acronis.clientSecret,
      "HCP system password": emulators.hcp.password,
      "HCP initial-user and tenant-level password": tenantPassword,
    };
    const run = async (what: string, args: string[]) => {
      const result = await stack.run(args);
      seen[what] = `${result.stdout}\n${result.stderr}`;
      return result;
    };
    // --debug: the engine's debug log, with every API request, is part of what is searched.
    expect((await run("up", ["up", "--yes", "--skip-preview", "--debug"])).code).to.equal(0);
    expect(seen.up).to.match(/HCP PUT \S*tenants: 200 in \d+ ms/);
    expect(seen.up).to.match(/Acronis POST \/idp\/token: 200 in \d+ ms/);
    expect(seen.up).to.match(/Acronis POST \/clients: 201 in \d+ ms/);
    // The API client's secret, shown by the API once: known here only through the secret stack output.
    const [clientSecret] = (await stack.outputs()).apiClientSecrets as string[];
    expect(clientSecret).to.match(/^[0-9a-f]{32}$/);
    secrets["ApiClient secret"] = clientSecret;
    await run("preview --diff --refresh", ["preview", "--diff", "--refresh", "--debug"]);
    await run("refresh", ["refresh", "--yes", "--skip-preview"]);
    seen["stack export"] = (await stack.exportState()).toString();
    seen["stack output"] = (await run("stack output", ["stack", "output", "--json"])).stdout;
    // Failures must not echo what was sent: a new tenant with a wrong HCP password, then a new customer
    // with a wrong client secret (refresh would still use the credentials of the last update).
    await stack.mustRun(["config", "set", "--secret", "hcp:password", "--", "Wrong-pass-99"]);
    await stack.mustRun(["config", "set", "hcpTenants", "2"]);
    const badPassword = await run("up with a wrong HCP password", ["up", "--yes", "--skip-preview"]);
    expect(badPassword.code, badPassword.stdout).to.not.equal(0);
    // Refused at check, before the create: the proof of access names the keys to fix.
    expect(badPassword.stdout + badPassword.stderr).to.match(
      /HcpTenant "estate-\d": check: HCP refused the credentials: check hcp:username and hcp:password, or HCP_USERNAME and HCP_PASSWORD \(HCP GET \/tenants failed: HTTP 403/,
    );
    secrets["the wrong HCP password"] = "Wrong-pass-99";
    await stack.mustRun(["config", "set", "--secret", "hcp:password", "--", emulators.hcp.password]);
    await stack.mustRun(["config", "set", "hcpTenants", "1"]);
    await stack.mustRun(["config", "set", "--secret", "acronis:clientSecret", "--", "not-the-secret-0042"]);
    await stack.mustRun(["config", "set", "customers", "3"]);
    const badSecret = await run("up with a wrong client secret", ["up", "--yes", "--skip-preview"]);
    expect(badSecret.code, badSecret.stdout).to.not.equal(0);
    expect(badSecret.stdout + badSecret.stderr).to.match(
      /Acronis POST \/idp\/token failed: HTTP 401, code invalid_client/,
    );
    secrets["the wrong client secret"] = "not-the-secret-0042";
    await stack.mustRun([
      "config",
      "set",
      "--secret",
      "acronis:clientSecret",
      "--",
      emulators.acronis.clientSecret,
    ]);
    await stack.mustRun(["config", "set", "customers", "2"]);
    await run("destroy", ["destroy", "--yes", "--skip-preview"]);
    seen["state, history and backups on disk"] = stack.backendFilesText();
    seen["engine home (logs, plugins)"] = filesText(path.join(stack.workDir, "home"));
    seen["Acronis request log"] = JSON.stringify(
      (await new AcronisApi(emulators.acronis).get("/_emulator/requests")).body,
    );
    seen["HCP request log"] = JSON.stringify(
      await new HcpApi(emulators.hcp).control("GET", "/_emulator/requests"),
    );
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("stores each provider as a require of the package, holding no value at all", () => {
    const state = JSON.parse(seen["stack export"]) as {
      deployment: { resources?: { outputs?: { __provider?: string } }[] };
    };
    expect(seen["stack export"]).to.include("__provider");
    for (const r of state.deployment.resources ?? []) {
      if (r.outputs?.__provider)
        expect(r.outputs.__provider).to.match(/require\("tenant-estates\/dist\/provider\/entry\/\w+\.js"\)/);
    }
  });

  for (const where of [
    "up",
    "preview --diff --refresh",
    "refresh",
    "stack export",
    "stack output",
    "up with a wrong HCP password",
    "up with a wrong client secret",
    "destroy",
    "state, history and backups on disk",
    "engine home (logs, plugins)",
    "Acronis request log",
    "HCP request log",
  ]) {
    it(`finds none in: ${where}`, () => {
      expect(seen[where], where).to.be.a("string").and.not.equal("");
      for (const [name, value] of Object.entries(secrets))
        expect(seen[where].includes(value), `${name} in ${where}`).to.equal(false);
    });
  }
});
