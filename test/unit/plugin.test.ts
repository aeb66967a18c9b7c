import { readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { customerTenantSpec } from "../../provider/acronis/specs/customerTenant";
import { withAccount } from "../../provider/core/accounts";
import { propertyChanges } from "../../provider/plugin/diff";
import { dispatchTable, servedType } from "../../provider/plugin/dispatch";
import { changedSettings } from "../../provider/plugin/service";
import { checkProviderProperties, configSourceOf, providerProperties } from "../../provider/plugin/settings";
import { keyOfProperty, ownershipInputs, propertyOfKey, tokenOfRequest } from "../../provider/plugin/tokens";
import { importedInputs, withoutSecrets, withSecretsMarked } from "../../provider/plugin/values";
import { resourceSpecs } from "../../provider/specs";
import { repoRoot } from "../support/engine";

const schemaText = readFileSync(path.join(repoRoot, "schema.json"), "utf8");
const schema = JSON.parse(schemaText) as {
  config: { variables: Record<string, { secret?: boolean; default?: unknown }> };
  provider: { inputProperties: Record<string, { secret?: boolean; default?: unknown }> };
  resources: Record<string, unknown>;
};
const known = providerProperties(schemaText);

describe("the provider plugin: type tokens and the dispatch table", () => {
  it("serves every resource of the specs under schema.json's tokens, each by its entry module's provider", () => {
    const table = dispatchTable();
    expect([...table.keys()]).to.deep.equal(Object.keys(schema.resources));
    for (const spec of resourceSpecs) {
      const served = servedType(table, `tenant-estates:${spec.module}:${spec.type}`);
      expect(served.spec).to.equal(spec);
      expect(served.provider).to.equal(require(`../../provider/entry/${spec.entry}`));
    }
  });

  it("refuses a token it does not serve, naming the ones it does", () => {
    expect(() => servedType(dispatchTable(), "tenant-estates:acronis:Nothing")).to.throw(
      /^unknown resource type tenant-estates:acronis:Nothing: the tenant-estates plugin serves tenant-estates:acronis:PartnerTenant, /,
    );
  });

  it("takes the type from the request, else from the URN, a child's type being the last of parent$child", () => {
    expect(tokenOfRequest("tenant-estates:hcp:HcpTenant", "")).to.equal("tenant-estates:hcp:HcpTenant");
    expect(
      tokenOfRequest("", "urn:pulumi:dev::estate::my:Component$tenant-estates:acronis:User::ada"),
    ).to.equal("tenant-estates:acronis:User");
  });
});

describe("the provider plugin: ownership", () => {
  it("names the stack and the resource from the URN, as the SDK's hidden inputs do", () => {
    expect(
      ownershipInputs("urn:pulumi:prod::estate::tenant-estates:acronis:CustomerTenant::acme"),
    ).to.deep.equal({
      __owner: "estate/prod",
      __resourceName: "acme",
    });
    expect(ownershipInputs("")).to.deep.equal({});
  });
});

describe("the provider plugin: its properties are the stack keys in camelCase", () => {
  it("declares in schema.json one property per stack key, with its secrecy and no default", () => {
    const keys = Object.keys(schema.config.variables);
    expect(Object.keys(schema.provider.inputProperties)).to.deep.equal(keys.map(propertyOfKey));
    expect(keys.map((key) => keyOfProperty(propertyOfKey(key) as string))).to.deep.equal(keys);
    expect(propertyOfKey("acronis:clientSecret")).to.equal("acronisClientSecret");
    expect(schema.provider.inputProperties.acronisClientSecret.secret).to.equal(true);
    expect(schema.provider.inputProperties.hcpPassword.secret).to.equal(true);
    expect(
      Object.values(schema.provider.inputProperties).filter((p) => p.default !== undefined),
    ).to.deep.equal([]);
  });

  it("reads a property for its stack key, typed values as text, and nothing for other keys (the environment then)", () => {
    const config = configSourceOf({
      acronisBaseUrl: "https://dc.example/api/2",
      hcpPort: 9443,
      hcpInsecureSkipVerify: false,
    });
    expect(config.get("acronis:baseUrl")).to.equal("https://dc.example/api/2");
    expect(config.get("hcp:port")).to.equal("9443");
    expect(config.get("hcp:insecureSkipVerify")).to.equal("false");
    expect(config.get("acronis:clientId")).to.equal(undefined);
    expect(config.get("acronis-eu:baseUrl")).to.equal(undefined);
  });

  it("accepts good properties, as a program types them or as stack config gives them in text", () => {
    const good = {
      acronisBaseUrl: "https://dc.example/api/2",
      acronisClientId: "id",
      hcpPort: 9090,
      version: "0.1.0",
    };
    expect(checkProviderProperties(good, known)).to.deep.equal([]);
    expect(
      checkProviderProperties({ hcpPort: "9090", acronisAllowInsecureHttp: "true" }, known),
    ).to.deep.equal([]);
  });

  it("names the property of each problem: unknown names, wrong types, then the readers' own rules", () => {
    expect(checkProviderProperties({ acronisBaseURL: "x", hcpPort: true }, known)).to.deep.equal([
      {
        property: "acronisBaseURL",
        reason:
          'acronisBaseURL is not a property of the tenant-estates provider: did you mean "acronisBaseUrl"?',
      },
      { property: "hcpPort", reason: "hcpPort must be a whole number, got true" },
    ]);
    expect(checkProviderProperties({ hcpPort: "70000", acronisRetryAttempts: 0 }, known)).to.deep.equal([
      {
        property: "acronisRetryAttempts",
        reason: 'acronisRetryAttempts must be a whole number ≥ 1, got "0"',
      },
      { property: "hcpPort", reason: 'hcpPort must be a TCP port number, got "70000"' },
    ]);
    expect(checkProviderProperties({ acronisBaseUrl: "http://dc.example.com/api/2" }, known)).to.deep.equal([
      {
        property: "acronisBaseUrl",
        reason:
          'acronisBaseUrl must use https for a host other than this machine, got "http://dc.example.com/api/2": plain http would send the client secret in clear (set acronisAllowInsecureHttp to true to accept that)',
      },
    ]);
  });

  it("diffs a provider instance by the properties that change, the engine's version aside", () => {
    expect(
      changedSettings({ acronisClientId: "a", version: "1" }, { acronisClientId: "b", version: "2" }),
    ).to.deep.equal(["acronisClientId"]);
    expect(changedSettings({ hcpPort: 9090 }, { hcpPort: 9090 })).to.deep.equal([]);
  });
});

describe("the provider plugin: values, diffs and imports", () => {
  const spec = withAccount(customerTenantSpec);

  it("lists each changed property at the paths the program changed, replacements and additions by kind", () => {
    const olds = { name: "A", parentId: "p", contact: { email: "a@x.example", phone: "1" }, tenantId: "t" };
    const oldInputs = { name: "A", parentId: "p", contact: { email: "a@x.example", phone: "1" } };
    const news = { name: "A", parentId: "q", contact: { email: "b@x.example", phone: "1" }, language: "de" };
    expect(propertyChanges(spec, olds, oldInputs, news, ["parentId"])).to.deep.equal([
      { path: "contact.email", kind: "update", replaces: false },
      { path: "language", kind: "add", replaces: false },
      { path: "parentId", kind: "update", replaces: true },
    ]);
  });

  it("lists a property changed only in the object (drift) by its name, and another account as a replacement", () => {
    const inputs = { name: "A", parentId: "p" };
    expect(propertyChanges(spec, { ...inputs, name: "Drifted" }, inputs, inputs, [])).to.deep.equal([
      { path: "name", kind: "update", replaces: false },
    ]);
    expect(propertyChanges(spec, inputs, inputs, { ...inputs, account: "eu" }, ["account"])).to.deep.equal([
      { path: "account", kind: "add", replaces: true },
    ]);
  });

  it("takes secrets off the engine's values and marks the spec's secret properties on the way back", () => {
    const sig = "4dabf18193072939515e22adb298388d";
    const secret = { [sig]: "1b47061264138c4ac30d75fd1eb44270", value: "pw" };
    expect(withoutSecrets({ a: secret, b: [secret], c: { d: secret } })).to.deep.equal({
      a: "pw",
      b: ["pw"],
      c: { d: "pw" },
    });
    const hcpUser = resourceSpecs.find((s) => s.type === "HcpUserAccount");
    const secretKey = Object.entries(hcpUser?.properties ?? {}).find(([, p]) => p.secret)?.[0] as string;
    expect(withSecretsMarked(hcpUser as typeof spec, { [secretKey]: "pw", username: "u" })).to.deep.equal({
      [secretKey]: secret,
      username: "u",
    });
  });

  it("imports the inputs a read by id finds, without outputs or create-only values", () => {
    const outputs = {
      tenantId: "t",
      kind: "customer",
      name: "A",
      parentId: "p",
      enhancedSecurity: true,
    };
    expect(importedInputs(spec, outputs)).to.deep.equal({ name: "A", parentId: "p" });
  });
});
