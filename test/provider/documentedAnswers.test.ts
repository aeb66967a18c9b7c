import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import { AccessPolicyProvider } from "../../provider/acronis/resources/accessPolicy";
import { ApiClientProvider } from "../../provider/acronis/resources/apiClient";
import { CustomerTenantProvider } from "../../provider/acronis/resources/customerTenant";
import { OfferingItemsProvider } from "../../provider/acronis/resources/offeringItems";
import { FolderTenantProvider } from "../../provider/acronis/resources/resellerTenants";
import { TenantMfaProvider } from "../../provider/acronis/resources/tenantMfa";
import { UserProvider } from "../../provider/acronis/resources/user";
import {
  type DocumentedProxy,
  startDocumentedProxy,
  UNKNOWN_FIELD,
  widened,
} from "../support/documentedAnswers";
import { acronisStackConfig, configureRequest } from "../support/stackConfig";

type Provider = pulumi.dynamic.ResourceProvider & {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
};

/**
 * Every answer the providers read comes as the vendor's document allows it at its widest (documented nulls
 * where the emulator leaves a field out, and a field no one knows on every object): create, read and diff
 * must agree exactly, and the unknown field must not reach any output.
 */
describe("Acronis providers reading answers shaped as the vendor documents them", function () {
  this.timeout(30_000);
  let emulator: RunningServer<AcronisInfo>;
  let proxy: DocumentedProxy;
  let partnerId: string;
  let n = 0;
  const unique = (prefix: string) => `${prefix} ${++n}x${process.pid}`;

  async function through<P extends Provider>(provider: P): Promise<P> {
    const info = { ...emulator.info, baseUrl: proxy.baseUrl };
    await provider.configure(configureRequest(acronisStackConfig(info)));
    return provider;
  }

  /** Creates, reads back, diffs against the inputs; answers the outputs. */
  async function roundTrip(provider: Provider, inputs: Record<string, unknown>) {
    const created = await provider.create!(inputs);
    const read = await provider.read!(created.id, created.outs);
    expect(read.props, "read gives what create gave").to.deep.equal(created.outs);
    expect((await provider.diff!(created.id, read.props, inputs)).changes, "no diff after read").to.equal(
      false,
    );
    expect(JSON.stringify(read)).not.to.contain(UNKNOWN_FIELD);
    return { id: created.id, outs: created.outs as Record<string, unknown> };
  }

  before(async () => {
    emulator = await startAcronisEmulator({
      port: 0,
      host: "127.0.0.1",
      latencyMs: 0,
      log: new RequestLog(),
    });
    proxy = await startDocumentedProxy(emulator.info.baseUrl);
    partnerId = emulator.info.partnerTenantId;
  });
  after(async () => {
    await proxy.close();
    await emulator.close();
  });

  it("widens an answer: a documented nullable field the answer lacks comes as null, objects get a stranger", () => {
    const schema = { $ref: "#/definitions/tenant" };
    const value = widened(schema, { id: "x", contact: { email: "a@example.com" } }) as Record<
      string,
      unknown
    >;
    expect(value).to.include({ customer_id: null, internal_tag: null, deleted_at: null, owner_id: null });
    expect(value).to.have.property(UNKNOWN_FIELD);
    expect(value.contact).to.have.property(UNKNOWN_FIELD);
  });

  it("CustomerTenant, TenantMfa, OfferingItems, User, AccessPolicy and ApiClient read them without drift", async () => {
    const tenants = await through(new CustomerTenantProvider());
    const customer = await roundTrip(tenants, {
      name: unique("Documented"),
      parentId: partnerId,
      contact: { email: "it@documented.example", firstname: "Ada" },
      enhancedSecurity: true,
      deletionPolicy: "delete",
    });
    const tenantId = customer.id;
    await roundTrip(await through(new TenantMfaProvider()), { tenantId, enabled: true });
    await roundTrip(await through(new OfferingItemsProvider()), {
      tenantId,
      items: [{ name: "workstations", quota: { value: 5, overage: null } }, { name: "storage" }],
    });
    const users = await through(new UserProvider());
    const user = await roundTrip(users, {
      tenantId,
      login: unique("documented").replace(/ /g, "-"),
      contact: { email: "ada@documented.example", firstname: "Ada", lastname: "Lovelace" },
    });
    await roundTrip(await through(new AccessPolicyProvider()), { userId: user.id, roles: ["company_admin"] });
    await roundTrip(await through(new ApiClientProvider()), {
      tenantId,
      name: unique("documented-integration"),
      __owner: "project/stack",
    });
    await users.delete!(user.id);
    await tenants.delete!(tenantId, customer.outs as never);
    expect(proxy.widenedAnswers()).to.be.greaterThan(10);
  });

  it("FolderTenant reads them without drift", async () => {
    const folders = await through(new FolderTenantProvider());
    const folder = await roundTrip(folders, { name: unique("Documented folder"), parentId: partnerId });
    await folders.delete!(folder.id, folder.outs as never);
  });
});
