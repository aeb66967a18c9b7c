import { expect } from "chai";
import { withRetainUnless } from "../../sdk/outputs";
import { estateProblems } from "../support/estateProblems";

/** An HCP tenant block whose tenant, account and namespace carry the given policies. */
const hcpEstate = (tenant: string, account: string, namespace: string) =>
  [
    "hcp:",
    "  tenants:",
    "    - key: records",
    "      name: records",
    "      hardQuota: 50 GB",
    `      deletionPolicy: ${tenant}`,
    "      initialUser: { name: security }",
    "      userAccounts:",
    `        - { username: nsadmin, fullName: Admin, roles: [ADMINISTRATOR], deletionPolicy: ${account} }`,
    "      namespaces:",
    `        - { name: invoices, hardQuota: 10 GB, deletionPolicy: ${namespace} }`,
    "",
  ].join("\n");

describe("removal policies", () => {
  it("the SDK marks a resource retainOnDelete unless its policy acts, so the plan of a removal says it only forgets", () => {
    const acting = ["delete", "disable"];
    expect(withRetainUnless(undefined, undefined, acting)).to.deep.equal({ retainOnDelete: true });
    expect(withRetainUnless({ protect: true }, "retain", acting)).to.deep.equal({
      protect: true,
      retainOnDelete: true,
    });
    expect(withRetainUnless(undefined, "delete", acting)).to.equal(undefined);
    expect(withRetainUnless(undefined, "disable", acting)).to.equal(undefined);
    // The program's own option wins; a policy known only later leaves the decision to the provider.
    expect(withRetainUnless({ retainOnDelete: false }, undefined, acting)).to.deep.equal({
      retainOnDelete: false,
    });
    expect(withRetainUnless(undefined, Promise.resolve("retain"), acting)).to.equal(undefined);
  });

  it("the estate file takes deletionPolicy on HCP tenants, accounts (also disable) and namespaces", () => {
    expect(estateProblems(hcpEstate("delete", "disable", "retain"))).to.deep.equal([]);
    expect(estateProblems(hcpEstate("retain", "delete", "delete"))).to.deep.equal([]);
    const problems = estateProblems(hcpEstate("disable", "forget", "disable"));
    expect(problems).to.have.length(3);
    expect(problems[0]).to.match(/^estate\.yaml:6:23: hcp\.tenants\[0\]\.deletionPolicy must be one of/);
    expect(problems[1]).to.match(/^estate\.yaml:9:.*userAccounts\[0\]\.deletionPolicy must be one of/);
    expect(problems[2]).to.match(/^estate\.yaml:11:.*namespaces\[0\]\.deletionPolicy must be one of/);
  });
});
