import { expect } from "chai";
import { parse, stringify } from "yaml";
import { estateText, usageComment } from "../../cli/exportUsage";
import type { AcronisClient, Call } from "../../provider/acronis/client";
import {
  apiClientCreateBody,
  apiClientOutputs,
  apiClientUpdateBody,
  attemptKey,
  createApiClientOnce,
  markKey,
} from "../../provider/acronis/resources/apiClient";
import type { ApiClientObject, UsageItem } from "../../provider/acronis/types";
import { NetworkError } from "../../provider/core/errors";
import { tenantUsageOf } from "../../sdk/acronisLookups";
import { type Estate, loadEstate } from "../../sdk/estate";

const tenant = "0b0b0b0b-0000-4000-8000-000000000001";

const held = (extra: Partial<ApiClientObject> = {}): ApiClientObject => ({
  client_id: "c1c1c1c1-0000-4000-8000-000000000001",
  tenant_id: tenant,
  type: "api_client",
  token_endpoint_auth_method: "client_secret_basic",
  data: { client_name: "backup", [markKey]: "tenant-estates:p/s", portal_note: "kept" },
  redirect_uris: [],
  status: "enabled",
  created_at: "2025-01-02T03:04:05Z",
  ...extra,
});

describe("ApiClient: bodies and outputs", () => {
  it("creates with the name, the stack's mark and the attempt in data, basic auth by default", () => {
    expect(apiClientCreateBody({ tenantId: tenant, name: "backup", __owner: "p/s" }, "n1")).to.deep.equal({
      type: "api_client",
      tenant_id: tenant,
      token_endpoint_auth_method: "client_secret_basic",
      data: { client_name: "backup", [markKey]: "tenant-estates:p/s", [attemptKey]: "n1" },
    });
  });

  it("creates with the declared method and redirect URIs, never a status", () => {
    const inputs = {
      tenantId: tenant,
      name: "web",
      enabled: false,
      redirectUris: ["https://app.example/cb"],
      tokenEndpointAuthMethod: "client_secret_post" as const,
      rotation: "r1",
    };
    expect(apiClientCreateBody(inputs, "n2")).to.deep.equal({
      type: "api_client",
      tenant_id: tenant,
      token_endpoint_auth_method: "client_secret_post",
      data: { client_name: "web", [attemptKey]: "n2" },
      redirect_uris: ["https://app.example/cb"],
    });
    expect(apiClientUpdateBody(held(), inputs, ["enabled"])).to.deep.equal({ status: "disabled" });
  });

  it("updates data whole, keeping the keys it does not manage", () => {
    const body = apiClientUpdateBody(held(), {
      tenantId: tenant,
      name: "renamed",
      enabled: false,
      redirectUris: [],
    });
    expect(body).to.deep.equal({
      data: { client_name: "renamed", [markKey]: "tenant-estates:p/s", portal_note: "kept" },
      status: "disabled",
      redirect_uris: [],
    });
  });

  it("outputs only the managed inputs, with the secret it is given", () => {
    expect(
      apiClientOutputs(held(), { tenantId: tenant, name: "backup", rotation: "r1" }, "s3cr3t"),
    ).to.deep.equal({
      clientId: held().client_id,
      clientSecret: "s3cr3t",
      createdAt: "2025-01-02T03:04:05Z",
      tenantId: tenant,
      name: "backup",
      rotation: "r1",
    });
    expect(
      apiClientOutputs(
        held({ status: "disabled" }),
        { tenantId: tenant, name: "x", enabled: true },
        undefined,
      ),
    ).to.deep.include({
      enabled: false,
      name: "backup",
    });
    expect(
      apiClientOutputs(
        held({ redirect_uris: null, token_endpoint_auth_method: "client_secret_post" }),
        {
          tenantId: tenant,
          name: "x",
          redirectUris: ["https://a.example"],
          tokenEndpointAuthMethod: "client_secret_basic",
        },
        undefined,
      ),
    ).to.deep.include({ redirectUris: [], tokenEndpointAuthMethod: "client_secret_post" });
  });
});

describe("ApiClient: a create whose answer is lost", () => {
  /** A stub API: the first POST makes a client and then loses the answer. */
  function stubApi() {
    const clients: Record<string, unknown>[] = [];
    const calls: string[] = [];
    let posts = 0;
    const call = async ({ method, path, data }: Call) => {
      calls.push(`${method} ${path}`);
      if (method === "POST") {
        const made = {
          ...(data as Record<string, unknown>),
          client_id: `id-${++posts}`,
          client_secret: `secret-${posts}`,
        };
        clients.push(made);
        if (posts === 1)
          throw new NetworkError({
            vendor: "Acronis",
            operation: "POST /clients",
            vendorMessage: "socket hang up",
          });
        return { status: 201, data: made };
      }
      if (method === "GET") return { status: 200, data: { items: clients } };
      clients.splice(
        clients.findIndex((c) => path.endsWith(c.client_id as string)),
        1,
      );
      return { status: 204, data: undefined };
    };
    return { api: { call } as unknown as AcronisClient, clients, calls };
  }

  it("deletes the client that create made (its secret is lost with the answer) and creates again", async () => {
    const { api, clients, calls } = stubApi();
    const created = await createApiClientOnce(api, { tenantId: tenant, name: "backup" });
    expect(created.client_secret).to.equal("secret-2");
    expect(clients.map((c) => c.client_id)).to.deep.equal(["id-2"]);
    expect(calls).to.deep.equal(["POST /clients", "GET /clients", "DELETE /clients/id-1", "POST /clients"]);
  });
});

const usage = (extra: Partial<UsageItem>): UsageItem => ({
  application_id: "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb",
  name: "workstations",
  edition: "standard",
  usage_name: "workstations",
  type: "count",
  measurement_unit: "quantity",
  range_start: "2025-06-01T00:00:00Z",
  value: 7,
  absolute_value: 7,
  offering_item: { status: 1, quota: { value: 25, overage: 30, version: 5 } },
  ...extra,
});

describe("usage: the lookup's shape and the export's comments", () => {
  it("maps the API's usage item to the SDK's terms", () => {
    expect(tenantUsageOf(usage({ infra_id: "i1", measurement_unit: "bytes" }))).to.deep.equal({
      applicationId: "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb",
      name: "workstations",
      edition: "standard",
      usageName: "workstations",
      type: "count",
      measurementUnit: "bytes",
      rangeStart: "2025-06-01T00:00:00Z",
      value: 7,
      absoluteValue: 7,
      infraId: "i1",
      offeringItem: { status: 1, quota: { value: 25, overage: 30 } },
    });
    expect(
      tenantUsageOf(usage({ offering_item: { status: 0 }, absolute_value: undefined })),
    ).to.not.have.property("absoluteValue");
  });

  it("says each unit plainly: counts as numbers, bytes also in GiB", () => {
    expect(usageComment(usage({}))).to.equal("usage: 7");
    expect(usageComment(usage({ measurement_unit: "bytes", value: 5 * 1024 ** 3 }))).to.equal(
      "usage: 5368709120 bytes (5.00 GiB)",
    );
    expect(usageComment(usage({ measurement_unit: "seconds", value: 60 }))).to.equal("usage: 60 seconds");
  });

  const estate: Estate = {
    adopt: true,
    acronis: {
      partnerTenantId: "ede9f834-70b3-476c-83d9-736f9f8c7dae",
      customers: [
        {
          key: "acme",
          name: "Acme",
          offeringItems: [{ name: "storage" }, { name: "workstations", quota: { value: 25, overage: 30 } }],
        },
      ],
    },
  };

  it("writes exactly yaml.stringify's bytes without usage", () => {
    expect(estateText(estate)).to.equal(stringify(estate));
  });

  it("puts usage beside each item, and usage without an item beside the customer; the file loads as before", () => {
    const text = estateText(
      estate,
      new Map([
        [
          "Acme",
          [
            usage({ name: "storage", usage_name: "storage", measurement_unit: "bytes", value: 1024 ** 3 }),
            usage({}),
            usage({
              name: "immutable_storage",
              measurement_unit: "bytes",
              value: 0,
              offering_item: undefined,
            }),
          ],
        ],
      ]),
    );
    expect(text).to.match(
      /^# usage \(tenant-estates export --usage\), collected since 2025-06-01T00:00:00Z\n/,
    );
    expect(text).to.include("- name: storage # usage: 1073741824 bytes (1.00 GiB)\n");
    expect(text).to.include("- name: workstations # usage: 7\n");
    expect(text).to.include(
      "name: Acme # usage without an offering item here: immutable_storage usage: 0 bytes (0.00 GiB)\n",
    );
    expect(parse(text)).to.deep.equal(parse(stringify(estate)));
    expect(loadEstate("usage.yaml", text)).to.deep.equal(loadEstate("plain.yaml", stringify(estate)));
  });

  it("says the API reported no usage yet, instead of a period, when there is none", () => {
    const text = estateText(estate, new Map());
    expect(text.split("\n")[0]).to.equal(
      "# usage (tenant-estates export --usage): the API reported none yet for these customers",
    );
    expect(loadEstate("usage.yaml", text)).to.deep.equal(loadEstate("plain.yaml", stringify(estate)));
  });
});
