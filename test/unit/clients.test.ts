import { expect } from "chai";
import * as api from "../../sdk";

describe("the public API's clients (what the CLI and a user's own tool use)", () => {
  it("an Acronis client from the environment names every missing setting", () => {
    expect(() =>
      api.acronisClientFromEnvironment({ ACRONIS_BASE_URL: "https://dc.example.com/api/2" }),
    ).to.throw(
      "Acronis is not configured: set acronis:clientId (or ACRONIS_CLIENT_ID), acronis:clientSecret (or ACRONIS_CLIENT_SECRET), e.g. `pulumi config set --secret acronis:clientSecret …`",
    );
  });

  it("an Acronis client from the environment is one per connection in a process", () => {
    const env = {
      ACRONIS_BASE_URL: "https://dc.example.com/api/2",
      ACRONIS_CLIENT_ID: "id",
      ACRONIS_CLIENT_SECRET: "secret",
    };
    const client = api.acronisClientFromEnvironment(env);
    expect(api.acronisClientFromEnvironment({ ...env })).to.equal(client);
    expect(
      api.acronisClientFromConnection({
        baseUrl: env.ACRONIS_BASE_URL,
        clientId: "id",
        clientSecret: "secret",
      }),
    ).to.equal(client);
  });

  it("HCP settings from the environment: port 9090 unless given, every missing setting named", () => {
    const env = { HCP_DOMAIN: "hcp.example.com", HCP_USERNAME: "admin", HCP_PASSWORD: "pw" };
    expect(api.hcpSettingsFromEnvironment(env)).to.include({
      domain: "hcp.example.com",
      port: 9090,
      username: "admin",
    });
    expect(() => api.hcpSettingsFromEnvironment({ HCP_DOMAIN: "hcp.example.com" })).to.throw(
      "HCP is not configured: set hcp:username (or HCP_USERNAME), hcp:password (or HCP_PASSWORD), e.g. `pulumi config set --secret hcp:password …`",
    );
  });

  it("an HCP client signs in at the system, or at a tenant with the tenant's own account", () => {
    const settings = api.hcpSettingsFromEnvironment({
      HCP_DOMAIN: "hcp.example.com",
      HCP_USERNAME: "admin",
      HCP_PASSWORD: "pw",
    });
    expect(api.hcpClientFromSettings(settings).host).to.equal("admin.hcp.example.com");
    const tenant = api.hcpClientFromSettings(settings, {
      tenant: "finance",
      username: "sec",
      password: "pw2",
    });
    expect(tenant.host).to.equal("finance.hcp.example.com");
    const connection = {
      domain: "hcp.example.com",
      username: "sec",
      password: "pw2",
      accountTenant: "finance",
    };
    expect(api.hcpClientFromConnection(connection).host).to.equal("finance.hcp.example.com");
  });
});
