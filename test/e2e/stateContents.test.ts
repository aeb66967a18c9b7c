import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { TestStack } from "../support/engine";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

/** The engine's mark of an encrypted value in state (docs/state.md). */
const secretSignature = "4dabf18193072939515e22adb298388d";
const secretMarker = "1b47061264138c4ac30d75fd1eb44270";
const tenantPassword = "State-pass-42";
const project = "state-contents";

interface StateResource {
  type: string;
  urn: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** Whether a state value is the engine's ciphertext object, and nothing else. */
function isCiphertext(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    Object.keys(record).sort().join(",") === `${secretSignature},ciphertext` &&
    record[secretSignature] === secretMarker &&
    typeof record.ciphertext === "string" &&
    /^v1:/.test(record.ciphertext)
  );
}

describe("the state holds what docs/state.md says: inputs, outputs, the stack's config, secrets only as ciphertext", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let resources: StateResource[];
  let exported: string;
  let clientSecret: string;
  const byType = (suffix: string) => resources.find((r) => r.type.endsWith(suffix)) as StateResource;

  before(async () => {
    emulators = await startEmulators();
    const { "acronis:clientSecret": _fromEnvironment, ...acronis } = acronisStackConfig(emulators.acronis);
    stack = await TestStack.create(project, "test/programs/stateContents", {
      ...acronis,
      ...hcpStackConfig(emulators.hcp),
      tenantPassword: { value: tenantPassword, secret: true },
    });
    // The Acronis secret comes from the environment: the engine stores only stack config.
    stack.setEnvironment({ ACRONIS_CLIENT_SECRET: emulators.acronis.clientSecret });
    await stack.up();
    clientSecret = (await stack.outputs()).clientSecret as string;
    exported = await stack.exportState();
    resources = (JSON.parse(exported) as { deployment: { resources: StateResource[] } }).deployment.resources;
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("holds no secret in plaintext, neither in `stack export` nor in any file of the backend", () => {
    expect(clientSecret).to.match(/^[0-9a-f]{32}$/);
    const secrets = {
      "Acronis client secret (environment)": emulators.acronis.clientSecret,
      "HCP system password": emulators.hcp.password,
      "HCP tenant-level passwords": tenantPassword,
      "ApiClient secret": clientSecret,
    };
    const backend = stack.backendFilesText();
    for (const [what, secret] of Object.entries(secrets)) {
      expect(exported.includes(secret), `${what} in stack export`).to.equal(false);
      expect(backend.includes(secret), `${what} in the backend's files`).to.equal(false);
    }
  });

  it("stores the default provider's inputs as the stack's whole config, secret settings as ciphertext", () => {
    const provider = byType("pulumi:providers:pulumi-nodejs");
    const inputs = provider.inputs ?? {};
    expect(Object.keys(inputs).sort()).to.deep.equal([
      "acronis:baseUrl",
      "acronis:clientId",
      "hcp:address",
      "hcp:caCert",
      "hcp:domain",
      "hcp:password",
      "hcp:port",
      "hcp:username",
      `${project}:partnerTenantId`,
      `${project}:tenantPassword`,
    ]);
    expect(inputs["acronis:clientId"]).to.equal(emulators.acronis.clientId);
    expect(inputs["hcp:username"]).to.equal(emulators.hcp.username);
    expect(isCiphertext(inputs["hcp:password"])).to.equal(true);
    expect(isCiphertext(inputs[`${project}:tenantPassword`])).to.equal(true);
    // The outputs repeat the inputs, each secret encrypted anew.
    expect(Object.keys(provider.outputs ?? {}).sort()).to.deep.equal(Object.keys(inputs).sort());
    expect(isCiphertext(provider.outputs?.["hcp:password"])).to.equal(true);
  });

  it("stores every secret input and output of the resources as ciphertext", () => {
    expect(isCiphertext(byType("hcp:HcpTenant").inputs?.initialUserPassword)).to.equal(true);
    const account = byType("hcp:HcpUserAccount").inputs ?? {};
    expect(isCiphertext(account.password)).to.equal(true);
    expect(isCiphertext(account.signInPassword)).to.equal(true);
    expect(isCiphertext(byType("hcp:HcpNamespace").inputs?.password)).to.equal(true);
    expect(isCiphertext(byType("acronis:ApiClient").outputs?.clientSecret)).to.equal(true);
  });

  it("keeps each resource's inputs and outputs, with its owner and name, and only a require as __provider", () => {
    const customer = byType("acronis:CustomerTenant");
    expect(customer.inputs).to.include({
      __owner: `${project}/test`,
      __resourceName: "state-customer",
      name: "State Customer",
      parentId: emulators.acronis.partnerTenantId,
    });
    expect(customer.outputs).to.include({ name: "State Customer", kind: "customer" });
    for (const resource of resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))) {
      for (const provider of [resource.inputs?.__provider, resource.outputs?.__provider]) {
        expect(provider, resource.urn).to.match(
          /^exports\.handler = __f0;\nconst provider = require\("tenant-estates\/dist\/provider\/entry\/\w+\.js"\);\n/,
        );
      }
    }
  });
});
