import { performance } from "node:perf_hooks";
import { expect } from "chai";
import { customerTenantSpec } from "../../provider/acronis/specs/customerTenant";
import { offeringItemsSpec } from "../../provider/acronis/specs/offeringItems";
import { userSpec } from "../../provider/acronis/specs/user";
import { validateInputs } from "../../provider/core/spec";
import { hcpTenantSpec } from "../../provider/hcp/specs/hcpTenant";
import { hcpUserAccountSpec } from "../../provider/hcp/specs/hcpUserAccount";
import { EstateError, loadEstate } from "../../sdk/estate";

const parent = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
const reasons = (spec: Parameters<typeof validateInputs>[0], inputs: object) =>
  validateInputs(spec, {}, inputs).map((f) => f.reason);

describe("the providers' checks refuse what the API cannot mean, for programs without an estate file", () => {
  it("control characters in names and logins, even a tab or a line break", () => {
    expect(reasons(customerTenantSpec, { name: "Acme\u001b[2J", parentId: parent })).to.deep.equal([
      "name must not contain control characters (U+001B at character 5)",
    ]);
    expect(reasons(customerTenantSpec, { name: "Acme\nLtd", parentId: parent })).to.deep.equal([
      "name must not contain control characters (U+000A at character 5)",
    ]);
    const user = { tenantId: parent, login: "jd\u0000x", contact: { email: "jd@example.com" } };
    expect(reasons(userSpec, user)).to.deep.equal([
      "login must not contain control characters (U+0000 at character 3)",
    ]);
    const account = { tenant: "finance", username: "ops\u0085", password: "Secret-1", roles: ["MONITOR"] };
    expect(reasons(hcpUserAccountSpec, account)).to.include(
      "username must not contain control characters (U+0085 at character 4)",
    );
  });

  it("a control character in a secret is refused without quoting the secret", () => {
    const account = {
      tenant: "finance",
      username: "ops",
      password: "Hunter\u0007-secret",
      roles: ["MONITOR"],
    };
    const refused = reasons(hcpUserAccountSpec, account);
    expect(refused).to.include("password must not contain control characters (U+0007 at character 7)");
    expect(refused.join("\n")).to.not.include("Hunter");
  });

  it("numbers that are not finite, where JSON would send null (unlimited)", () => {
    const items = [{ name: "workstations", quota: { value: Number.POSITIVE_INFINITY, overage: null } }];
    expect(reasons(offeringItemsSpec, { tenantId: parent, items })).to.deep.equal([
      "items[0].quota.value must be a finite number, got Infinity (null means unlimited)",
    ]);
    const tenant = { name: "finance", hardQuota: "10 GB", softQuota: Number.NaN };
    expect(reasons(hcpTenantSpec, tenant)).to.include("softQuota must be a finite number, got NaN");
  });
});

describe("the estate loader at scale", () => {
  it("finds 100,000 bad entries in linear work, lists the first 100 and counts the rest", () => {
    const entries = 100_000;
    const lines = ["acronis:", "  customers:"];
    for (let i = 0; i < entries; i++)
      lines.push(`    - key: c${i}`, `      name: C${i}`, "      twoFactor: maybe");
    const text = lines.join("\n");
    // Ajv joins a list's errors with concat, copying all earlier ones each time: n²/2 elements for one list.
    const concat = Array.prototype.concat;
    let copied = 0;
    Array.prototype.concat = function (this: unknown[], ...items: unknown[]) {
      copied += this.length;
      return concat.apply(this, items);
    };
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let problems: string[] = [];
    try {
      loadEstate("estate.yaml", text);
    } catch (err) {
      if (!(err instanceof EstateError)) throw err;
      problems = err.problems;
    } finally {
      Array.prototype.concat = concat;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
    console.log(
      `      ${entries} bad entries (${text.length} bytes) loaded in ${seconds} s (${cpuSeconds} s of CPU), ${copied} elements concatenated`,
    );
    expect(problems).to.have.length(101);
    expect(problems[0]).to.equal("estate.yaml:5:18: acronis.customers[0].twoFactor must be boolean");
    expect(problems[99]).to.equal("estate.yaml:302:18: acronis.customers[99].twoFactor must be boolean");
    expect(problems[100]).to.equal(`and ${entries - 100} more`);
    expect(copied).to.be.below(2 * entries);
  });
});
