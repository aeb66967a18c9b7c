import { expect } from "chai";
import { AcronisClient } from "../../provider/acronis/client";
import {
  acronisClientFor,
  completeAcronisSettings,
  readAcronisSettings,
} from "../../provider/acronis/config";
import { checkAcronisTransport, isLoopbackUrl } from "../../provider/acronis/plainHttp";
import { ConfigurationError } from "../../provider/core/errors";

describe("plain http to the Acronis API", () => {
  const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });
  const settings = {
    baseUrl: "http://dc.example.com/api/2",
    clientId: "id",
    clientSecret: "s3cr3t-value",
  };

  it("is refused for a host beyond this machine, before any client exists, naming the key that allows it", () => {
    const message =
      'acronis:baseUrl must use https for a host other than this machine, got "http://dc.example.com/api/2": plain http would send the client secret in clear (set acronis:allowInsecureHttp to true to accept that)';
    expect(() => checkAcronisTransport(config({ "acronis:baseUrl": settings.baseUrl }), {})).to.throw(
      ConfigurationError,
      message,
    );
    expect(() => checkAcronisTransport(undefined, { ACRONIS_BASE_URL: settings.baseUrl })).to.throw(message);
    expect(() => new AcronisClient(settings)).to.throw(message);
    expect(() =>
      checkAcronisTransport(
        config({ "acronis:baseUrl": settings.baseUrl, "acronis:allowInsecureHttp": "maybe" }),
        {},
      ),
    ).to.throw(
      'acronis:allowInsecureHttp (or ACRONIS_ALLOW_INSECURE_HTTP) must be true or false, got "maybe"',
    );
  });

  it("is accepted for loopback, and https anywhere, without a warning", () => {
    for (const baseUrl of [
      "http://127.0.0.1:8443/api/2",
      "http://localhost/api/2",
      "http://[::1]:80/api/2",
      "https://dc.example.com/api/2",
    ]) {
      const warnings: string[] = [];
      expect(() => checkAcronisTransport(config({ "acronis:baseUrl": baseUrl }), {})).to.not.throw();
      acronisClientFor({ ...settings, baseUrl }, undefined, (m) => warnings.push(m));
      expect(warnings, baseUrl).to.deep.equal([]);
    }
    expect(isLoopbackUrl("http://127.example.com/")).to.equal(false);
  });

  it("is allowed with acronis:allowInsecureHttp, with a warning that the secret goes in clear", () => {
    const read = readAcronisSettings(
      config({ "acronis:baseUrl": settings.baseUrl, "acronis:allowInsecureHttp": "true" }),
      { ACRONIS_CLIENT_ID: "id", ACRONIS_CLIENT_SECRET: "s3cr3t-value" },
    );
    expect(read.allowInsecureHttp).to.equal(true);
    const warnings: string[] = [];
    acronisClientFor(completeAcronisSettings(read), undefined, (m) => warnings.push(m));
    expect(warnings).to.deep.equal([
      "Acronis: plain http to dc.example.com (acronis:allowInsecureHttp): the client secret and tokens go over the network in clear",
    ]);
  });
});
