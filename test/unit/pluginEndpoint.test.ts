import { expect } from "chai";
import * as fc from "fast-check";
import { unknownValue } from "../../provider/core/normalise";
import { acronisSystemForm, endpointChanges, endpointRefusal } from "../../provider/plugin/endpoint";
import { providerPb, structPb } from "../../provider/plugin/modules";
import { resourceProviderService } from "../../provider/plugin/service";

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const host = fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => `${labels.join(".")}.example`);
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const urlPath = fc.array(label, { maxLength: 3 }).map((segments) => segments.map((s) => `/${s}`).join(""));
const baseUrl = fc.record({ scheme: fc.constantFrom("https", "http"), host, port, path: urlPath });
type BaseUrl = { scheme: string; host: string; port?: number; path: string };
const urlOf = ({ scheme, host, port, path }: BaseUrl) =>
  `${scheme}://${host}${port ? `:${port}` : ""}${path}`;
/** The same URL with the scheme and host in any case and any number of trailing slashes. */
const respelled = (u: BaseUrl, upper: boolean[], slashes: number) => {
  const cased = [...`${u.scheme}://${u.host}`].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c));
  return `${cased.join("")}${u.port ? `:${u.port}` : ""}${u.path}${"/".repeat(slashes)}`;
};
const noEnv = {};

describe("the provider plugin: a provider instance pointed at another system", () => {
  it("sees no change in another spelling of one Acronis base URL: trailing slashes, the case of scheme and host, a default port", () => {
    fc.assert(
      fc.property(baseUrl, fc.array(fc.boolean(), { minLength: 1 }), fc.nat(3), (u, upper, slashes) => {
        const news = { acronisBaseUrl: respelled(u, upper, slashes) };
        expect(endpointChanges({ acronisBaseUrl: urlOf(u) }, news, noEnv)).to.deep.equal([]);
      }),
    );
    expect(acronisSystemForm("HTTPS://EU2-Cloud.Acronis.com:443/api/2/")).to.equal(
      "https://eu2-cloud.acronis.com/api/2",
    );
  });

  it("sees a change in any other host, port, path or scheme", () => {
    fc.assert(
      fc.property(baseUrl, baseUrl, (a, b) => {
        const [from, to] = [urlOf(a), urlOf(b)];
        fc.pre(acronisSystemForm(from) !== acronisSystemForm(to));
        expect(endpointChanges({ acronisBaseUrl: from }, { acronisBaseUrl: to }, noEnv)).to.deep.equal([
          { property: "acronisBaseUrl", from, to },
        ]);
      }),
    );
    const at = (url: string) =>
      endpointChanges({ acronisBaseUrl: "https://a.example/api/2" }, { acronisBaseUrl: url }, noEnv);
    for (const other of [
      "https://b.example/api/2",
      "https://a.example:8443/api/2",
      "https://a.example/api/3",
      "https://a.example/API/2",
      "http://a.example/api/2",
    ])
      expect(at(other), other).to.have.length(1);
  });

  it("compares an HCP system by its domain (any case, a trailing dot) and MAPI port (9090 when left out), not by the address connected to", () => {
    const olds = { hcpDomain: "hcp.example.com", hcpAddress: "10.0.0.1" };
    expect(
      endpointChanges(olds, { hcpDomain: "HCP.Example.com.", hcpPort: 9090, hcpAddress: "10.0.0.2" }, noEnv),
    ).to.deep.equal([]);
    expect(endpointChanges(olds, { hcpDomain: "hcp2.example.com", hcpPort: 9443 }, noEnv)).to.deep.equal([
      { property: "hcpDomain", from: "hcp.example.com", to: "hcp2.example.com" },
      { property: "hcpPort", from: "9090", to: "9443" },
    ]);
  });

  it("takes a property left out from its environment variable, as the instance does", () => {
    const env = { ACRONIS_BASE_URL: "https://a.example/api/2", HCP_PORT: "9443" };
    expect(
      endpointChanges({}, { acronisBaseUrl: "https://a.example/api/2/", hcpPort: 9443 }, env),
    ).to.deep.equal([]);
    expect(endpointChanges({ acronisBaseUrl: "https://b.example/api/2" }, {}, env)).to.deep.equal([
      { property: "acronisBaseUrl", from: "https://b.example/api/2", to: "https://a.example/api/2" },
    ]);
  });

  it("refuses nothing at preview for a value not known yet, nor for a value missing on either side", () => {
    const olds = { acronisBaseUrl: "https://a.example/api/2", hcpDomain: "hcp.example.com" };
    expect(
      endpointChanges(olds, { acronisBaseUrl: unknownValue, hcpDomain: unknownValue }, noEnv),
    ).to.deep.equal([]);
    expect(endpointChanges(olds, {}, noEnv)).to.deep.equal([]);
  });

  it("never shows a user and password a base URL carries", () => {
    const changes = endpointChanges(
      { acronisBaseUrl: "https://me:pass-1@a.example/api/2" },
      { acronisBaseUrl: "https://b.example/api/2" },
      noEnv,
    );
    expect(changes).to.deep.equal([
      { property: "acronisBaseUrl", from: "https://a.example/api/2", to: "https://b.example/api/2" },
    ]);
  });

  it("DiffConfig fails with the refusal for a new system, and plans a plain update for new credentials or another spelling", async () => {
    const service = resourceProviderService(new Map()) as unknown as Record<
      string,
      (call: { request: unknown }, cb: (err: { message?: string } | null, value?: unknown) => void) => void
    >;
    const diffConfig = (olds: Record<string, unknown>, news: Record<string, unknown>) => {
      const req = new providerPb.DiffRequest();
      req.setUrn("urn:pulumi:test::p::pulumi:providers:tenant-estates::home");
      req.setOldInputs(structPb.Struct.fromJavaScript(olds as never));
      req.setNews(structPb.Struct.fromJavaScript(news as never));
      return new Promise<{ error?: string; changed?: string[] }>((resolve) =>
        service.diffConfig({ request: req }, (err, value) =>
          resolve(
            err
              ? { error: err.message }
              : { changed: (value as InstanceType<typeof providerPb.DiffResponse>).getDiffsList() },
          ),
        ),
      );
    };
    const olds = { acronisBaseUrl: "https://a.example/api/2", acronisClientId: "one", hcpPassword: "p1" };
    expect(await diffConfig(olds, { ...olds, acronisBaseUrl: "https://b.example/api/2" })).to.deep.equal({
      error: endpointRefusal("home", [
        { property: "acronisBaseUrl", from: "https://a.example/api/2", to: "https://b.example/api/2" },
      ]),
    });
    expect(await diffConfig(olds, { ...olds, acronisClientId: "two", hcpPassword: "p2" })).to.deep.equal({
      changed: ["acronisClientId", "hcpPassword"],
    });
    expect(await diffConfig(olds, { ...olds, acronisBaseUrl: "https://A.example/api/2/" })).to.deep.equal({
      changed: [],
    });
  });

  it("says which provider, what changes, why it is refused and what to do instead", () => {
    expect(endpointRefusal("home", [{ property: "hcpPort", from: "9090", to: "9443" }])).to.equal(
      "provider home would take resources made on one system to another (hcpPort from 9090 to 9443): " +
        "their ids belong to the system they were made on, so the next refresh would find them gone and up would make them again there. " +
        "Keep each provider instance on its system and each resource with the instance it was made with; " +
        "for the other system declare a new tenant-estates provider instance and move resources to it deliberately " +
        "(`pulumi import` each through the new instance, then `pulumi state delete` it from the old one)",
    );
  });
});
