import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import type { ConfigSource } from "../../provider/core/config";
import { PartialCreateError } from "../../provider/core/resource";
import { dispatchTable } from "../../provider/plugin/dispatch";
import { providerPb, statusPb, structPb } from "../../provider/plugin/modules";
import { resourceProviderService } from "../../provider/plugin/service";
import { statusOf } from "../../provider/plugin/status";
import { resourceSpecs } from "../../provider/specs";

/** A provider that records what the service hands it and answers what a test sets. */
class FakeProvider implements pulumi.dynamic.ResourceProvider {
  config?: ConfigSource;
  calls: unknown[][] = [];
  answer: Record<string, unknown> = {};

  async configure(req: pulumi.dynamic.ConfigureRequest) {
    this.config = req.config as unknown as ConfigSource;
  }
  async create(inputs: unknown): Promise<pulumi.dynamic.CreateResult> {
    this.calls.push(["create", inputs]);
    return this.answer.create as pulumi.dynamic.CreateResult;
  }
  async diff(id: string, olds: unknown, news: unknown): Promise<pulumi.dynamic.DiffResult> {
    this.calls.push(["diff", id, olds, news]);
    return this.answer.diff as pulumi.dynamic.DiffResult;
  }
  async read(id: string, props: unknown): Promise<pulumi.dynamic.ReadResult> {
    this.calls.push(["read", id, props]);
    return this.answer.read as pulumi.dynamic.ReadResult;
  }
}

type Handler = (call: { request: unknown }, callback: (err: unknown, value?: unknown) => void) => void;

/** Calls one method of the service as gRPC would, resolving with its answer or rejecting with its error. */
function invoke<T>(service: Record<string, unknown>, method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    (service[method] as Handler)({ request }, (err, value) => (err ? reject(err) : resolve(value as T))),
  );
}

const struct = (values: Record<string, unknown>) => structPb.Struct.fromJavaScript(values as never);
const customerToken = "tenant-estates:acronis:CustomerTenant";

describe("the provider plugin's service", () => {
  let fakes: Map<string, FakeProvider>;
  let service: Record<string, unknown>;

  beforeEach(() => {
    fakes = new Map(resourceSpecs.map((spec) => [spec.type, new FakeProvider()]));
    service = resourceProviderService(dispatchTable((spec) => fakes.get(spec.type) as FakeProvider));
  });

  it("hands Configure's properties to every resource's provider under the stack keys they read", async () => {
    const req = new providerPb.ConfigureRequest();
    req.setArgs(struct({ acronisBaseUrl: "https://dc.example/api/2", hcpPort: 9443 }));
    const resp = await invoke<InstanceType<typeof providerPb.ConfigureResponse>>(service, "configure", req);
    expect(resp.getAcceptsecrets()).to.equal(false);
    for (const fake of fakes.values()) {
      expect(fake.config?.get("acronis:baseUrl")).to.equal("https://dc.example/api/2");
      expect(fake.config?.get("hcp:port")).to.equal("9443");
    }
  });

  it("takes the properties from Configure's variables when it sends no args (the older engines' form)", async () => {
    const req = new providerPb.ConfigureRequest();
    req.getVariablesMap().set("tenant-estates:config:acronisClientId", "id-1");
    await invoke(service, "configure", req);
    expect(fakes.get("HcpTenant")?.config?.get("acronis:clientId")).to.equal("id-1");
  });

  it("answers a changed property with the paths it changed, and the replacement the provider asks", async () => {
    (fakes.get("CustomerTenant") as FakeProvider).answer.diff = {
      changes: true,
      replaces: ["parentId"],
      deleteBeforeReplace: false,
    };
    const req = new providerPb.DiffRequest();
    req.setType(customerToken);
    req.setId("t-1");
    req.setOlds(struct({ name: "A", parentId: "p", tenantId: "t-1" }));
    req.setOldInputs(struct({ name: "A", parentId: "p" }));
    req.setNews(struct({ name: "A", parentId: "q" }));
    const resp = await invoke<InstanceType<typeof providerPb.DiffResponse>>(service, "diff", req);
    expect(resp.getChanges()).to.equal(providerPb.DiffResponse.DiffChanges.DIFF_SOME);
    expect(resp.getReplacesList()).to.deep.equal(["parentId"]);
    expect(resp.getDiffsList()).to.deep.equal(["parentId"]);
    const detailed = resp.getDetaileddiffMap();
    expect(detailed.getEntryList().map(([path]) => path)).to.deep.equal(["parentId"]);
    expect(detailed.get("parentId")?.getKind()).to.equal(providerPb.PropertyDiff.Kind.UPDATE_REPLACE);
  });

  it("reads an object by id alone (an import) and answers its inputs too", async () => {
    (fakes.get("CustomerTenant") as FakeProvider).answer.read = {
      id: "t-1",
      props: { tenantId: "t-1", kind: "customer", name: "A", parentId: "p" },
    };
    const req = new providerPb.ReadRequest();
    req.setUrn(`urn:pulumi:dev::estate::${customerToken}::a`);
    req.setId("t-1");
    const resp = await invoke<InstanceType<typeof providerPb.ReadResponse>>(service, "read", req);
    expect(resp.getId()).to.equal("t-1");
    expect(resp.getInputs()?.toJavaScript()).to.deep.equal({ name: "A", parentId: "p" });
    expect((fakes.get("CustomerTenant") as FakeProvider).calls).to.deep.equal([["read", "t-1", {}]]);
  });

  it("answers an object that is gone with no id", async () => {
    (fakes.get("CustomerTenant") as FakeProvider).answer.read = {};
    const req = new providerPb.ReadRequest();
    req.setType(customerToken);
    req.setId("t-1");
    req.setProperties(struct({ tenantId: "t-1", name: "A", parentId: "p" }));
    const resp = await invoke<InstanceType<typeof providerPb.ReadResponse>>(service, "read", req);
    expect(resp.getId()).to.equal("");
    expect(resp.getProperties()).to.equal(undefined);
  });

  it("answers a partial create with the object's id and outputs, so the engine keeps it in state", () => {
    const err = new PartialCreateError(
      "t-1",
      { tenantId: "t-1", name: "A" },
      { name: "A" },
      new Error("MFA failed"),
    );
    const status = statusOf(err);
    expect(status.details).to.equal("MFA failed");
    const [bin] = status.metadata?.get("grpc-status-details-bin") ?? [];
    const detail = statusPb.Status.deserializeBinary(bin as Buffer).getDetailsList()[0];
    const failed = providerPb.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
    expect(failed.getId()).to.equal("t-1");
    expect(failed.getProperties()?.toJavaScript()).to.deep.equal({ tenantId: "t-1", name: "A" });
    expect(failed.getReasonsList()).to.deep.equal(["MFA failed"]);
  });

  it("marks a partial create's secret outputs as secrets, as a create's, so state never holds them in plaintext", async () => {
    const fake = fakes.get("ApiClient") as FakeProvider;
    fake.create = async () => {
      throw new PartialCreateError(
        "c-1",
        { clientId: "c-1", clientSecret: "s3cret" },
        {},
        new Error("disable failed"),
      );
    };
    const req = new providerPb.CreateRequest();
    req.setType("tenant-estates:acronis:ApiClient");
    req.setProperties(struct({ name: "psa" }));
    const err = (await invoke(service, "create", req).catch((e: unknown) => e)) as {
      metadata: { get(key: string): unknown[] };
    };
    const [bin] = err.metadata.get("grpc-status-details-bin");
    const detail = statusPb.Status.deserializeBinary(bin as Buffer).getDetailsList()[0];
    const failed = providerPb.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
    expect(failed.getProperties()?.toJavaScript()).to.deep.equal({
      clientId: "c-1",
      clientSecret: {
        "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
        value: "s3cret",
      },
    });
  });

  it("fails an operation on a type it does not serve with a message naming it", async () => {
    const req = new providerPb.CheckRequest();
    req.setType("tenant-estates:acronis:Nothing");
    const err = await invoke(service, "check", req).catch((e: { details: string }) => e);
    expect((err as { details: string }).details).to.match(
      /^unknown resource type tenant-estates:acronis:Nothing: /,
    );
  });
});
