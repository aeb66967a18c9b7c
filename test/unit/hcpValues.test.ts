import { expect } from "chai";
import fc from "fast-check";
import { AuthenticationError, NetworkError, PermissionError } from "../../provider/core/errors";
import { hcpAuthorization } from "../../provider/hcp/auth";
import { withTlsHint } from "../../provider/hcp/client";
import { completeHcpSettings, hcpClientFor, readHcpSettings } from "../../provider/hcp/config";
import { hcpError, withoutSecrets } from "../../provider/hcp/errors";
import {
  addressSet,
  caseInsensitiveSet,
  isAddressEntry,
  isIpOrCidr,
  normaliseNamespaceQuota,
  normaliseQuota,
  parseQuota,
  passwordProblem,
  quotaBytes,
  quotaForDiff,
  tenantNameProblem,
} from "../../provider/hcp/values";

const GB = 1024 ** 3;

describe("HCP quotas", () => {
  it("parses <number up to 2 decimals> <MB|GB|TB>", () => {
    expect(parseQuota("100 GB")).to.deep.equal({ hundredths: 10_000, unit: "GB" });
    expect(parseQuota("1.5 TB")).to.deep.equal({ hundredths: 150, unit: "TB" });
    expect(parseQuota(" 0.25 mb ")).to.deep.equal({ hundredths: 25, unit: "MB" });
    for (const bad of ["100", "GB", "1.234 GB", "-1 GB", "1,5 GB", "100 PB", "1e3 GB", "", ". GB"]) {
      expect(parseQuota(bad), bad).to.equal(undefined);
    }
  });

  it("renders as HCP does: two decimals, the unit in capitals", () => {
    expect(normaliseQuota("100 GB")).to.equal("100.00 GB");
    expect(normaliseQuota("100.00 GB")).to.equal("100.00 GB");
    expect(normaliseQuota("1.5 tb")).to.equal("1.50 TB");
    expect(normaliseQuota("not a quota")).to.equal("not a quota");
  });

  it("counts binary units in bytes", () => {
    expect(quotaBytes("1 GB")).to.equal(GB);
    expect(quotaBytes("1024 MB")).to.equal(GB);
    expect(quotaBytes("0.5 TB")).to.equal(512 * GB);
    expect(quotaBytes("lots")).to.equal(undefined);
  });

  it("treats n GB and n.00 GB (and HCP's rendering) as the same quota (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom("MB", "GB", "TB"),
        (whole, cents, unit) => {
          const exact = `${whole}.${String(cents).padStart(2, "0")} ${unit}`;
          const short =
            cents === 0 ? `${whole} ${unit}` : cents % 10 === 0 ? `${whole}.${cents / 10} ${unit}` : exact;
          return (
            normaliseQuota(short) === exact &&
            normaliseQuota(exact) === exact &&
            normaliseQuota(normaliseQuota(short)) === exact &&
            quotaForDiff(short) === quotaForDiff(exact) &&
            quotaForDiff(short.toLowerCase()) === quotaForDiff(exact)
          );
        },
      ),
    );
  });

  it("orders quotas by size whatever their units (property)", () => {
    const quota = fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom("MB", "GB", "TB"));
    fc.assert(
      fc.property(quota, quota, ([a, ua], [b, ub]) => {
        const unit = { MB: 1, GB: 1024, TB: 1024 * 1024 } as const;
        const expected = Math.sign(a * unit[ua as keyof typeof unit] - b * unit[ub as keyof typeof unit]);
        return (
          Math.sign((quotaBytes(`${a} ${ua}`) as number) - (quotaBytes(`${b} ${ub}`) as number)) === expected
        );
      }),
    );
  });

  it("reads namespaceQuota as a count or None", () => {
    expect(normaliseNamespaceQuota("5")).to.equal(5);
    expect(normaliseNamespaceQuota(5)).to.equal(5);
    expect(normaliseNamespaceQuota("none")).to.equal("None");
    expect(normaliseNamespaceQuota("None")).to.equal("None");
  });
});

describe("HCP names, passwords and sets", () => {
  it("accepts tenant names HCP accepts and says why others are refused", () => {
    for (const good of ["Finance", "a", "a-b-c", "x".repeat(63), "0001"])
      expect(tenantNameProblem(good), good).to.equal(undefined);
    expect(tenantNameProblem("-lead")).to.match(/hyphen/);
    expect(tenantNameProblem("trail-")).to.match(/hyphen/);
    expect(tenantNameProblem("has space")).to.match(/letters, digits/);
    expect(tenantNameProblem("x".repeat(64))).to.match(/1-63/);
    expect(tenantNameProblem("xn--abc")).to.match(/xn--/);
    expect(tenantNameProblem("Admin")).to.match(/reserved/);
    expect(tenantNameProblem("search-api")).to.match(/reserved/);
  });

  it("checks passwords without repeating them", () => {
    expect(passwordProblem("start123")).to.equal(undefined);
    expect(passwordProblem("abc1")).to.match(/at least 6/);
    expect(passwordProblem("abcdefgh")).to.match(/two of/);
    expect(passwordProblem("12345678")).to.match(/two of/);
    expect(passwordProblem(`a1${"x".repeat(63)}`)).to.match(/at most 64/);
    expect(passwordProblem("s3cr3t-but-weak".slice(0, 3))).to.not.include("s3c");
  });

  it("compares authentication types and tags as case-insensitive sets", () => {
    expect(caseInsensitiveSet(["LOCAL", "external"])).to.deep.equal(
      caseInsensitiveSet(["External", "local", "LOCAL"]),
    );
    expect(caseInsensitiveSet(["a"])).to.not.deep.equal(caseInsensitiveSet(["a", "b"]));
  });
});

describe("HCP IP addresses", () => {
  it("accepts single IPs, CIDR v4/v6 and ip/netmask", () => {
    for (const good of [
      "192.168.103.18",
      "0.0.0.0/0",
      "10.0.0.0/8",
      "192.168.1.0/255.255.255.0",
      "::1",
      "::0/0",
      "fd00::/8",
      "2001:db8::1/128",
    ]) {
      expect(isIpOrCidr(good), good).to.equal(true);
    }
  });

  it("refuses what is not an address or block", () => {
    for (const bad of [
      "",
      "256.1.1.1",
      "10.0.0.0/33",
      "fd00::/129",
      "10.0.0.0/8/8",
      "192.168.1.0/255.0.255.0",
      "fd00::/255.255.0.0",
      "host.example.com",
      "10.0.0.0/",
    ]) {
      expect(isIpOrCidr(bad), bad).to.equal(false);
    }
  });

  it("accepts every generated IPv4 CIDR and refuses prefixes past 32 (property)", () => {
    fc.assert(
      fc.property(
        fc.ipV4(),
        fc.integer({ min: 0, max: 64 }),
        (ip, prefix) => isIpOrCidr(`${ip}/${prefix}`) === prefix <= 32,
      ),
    );
    fc.assert(fc.property(fc.ipV6(), (ip) => isIpOrCidr(ip) && isIpOrCidr(`${ip}/64`)));
  });

  it("allows comma-separated entries and compares lists as sets", () => {
    expect(isAddressEntry("10.0.0.1, 10.0.0.2")).to.equal(true);
    expect(isAddressEntry("10.0.0.1,nope")).to.equal(false);
    expect(addressSet(["FD00::1", "10.0.0.1"])).to.deep.equal(
      addressSet(["10.0.0.1", "fd00::1", "10.0.0.1"]),
    );
  });
});

describe("HCP authentication, errors and settings", () => {
  it("builds the documented HCP token", () => {
    expect(hcpAuthorization("lgreen", "p4ssw0rd")).to.equal("HCP bGdyZWVu:2a9d119df47ff993b662a8ef36f9ea20");
  });

  it("reads X-HCP-ErrorMessage and tells bad credentials from missing rights on 403", () => {
    const headers = (message: string) => ({ "x-hcp-errormessage": message });
    const auth = hcpError(
      { status: 403, headers: headers("Invalid username or password."), data: "" },
      "GET /tenants",
    );
    expect(auth).to.be.instanceOf(AuthenticationError);
    expect(auth.message).to.equal("HCP GET /tenants failed: HTTP 403: Invalid username or password.");
    const role = hcpError(
      { status: 403, headers: headers("This request needs the SECURITY role."), data: "" },
      "GET /x",
    );
    expect(role).to.be.instanceOf(PermissionError);
  });

  it("cuts a password echoed in an HCP message out of the error", () => {
    const err = hcpError(
      { status: 400, headers: { "x-hcp-errormessage": "bad password Sup3r-Secret!" }, data: "" },
      "PUT /tenants",
    );
    const clean = withoutSecrets(err, ["Sup3r-Secret!"]) as Error;
    expect(clean.message).to.not.include("Sup3r-Secret!");
    expect(clean.message).to.include("***");
    expect(clean.constructor).to.equal(err.constructor);
  });

  it("says how to trust a refused certificate", () => {
    const err = new NetworkError({
      vendor: "HCP",
      operation: "GET /tenants",
      code: "DEPTH_ZERO_SELF_SIGNED_CERT",
    });
    expect((withTlsHint(err, "admin.hcp.example.com") as Error).message).to.match(/hcp:caCert/);
    const refused = new NetworkError({ vendor: "HCP", operation: "GET /tenants", code: "ECONNREFUSED" });
    expect(withTlsHint(refused, "admin.hcp.example.com")).to.equal(refused);
  });

  it("reads stack config first, the environment second, and defaults the port to 9090", () => {
    const config = {
      get: (key: string) => ({ "hcp:domain": "hcp.example.com", "hcp:insecureSkipVerify": "true" })[key],
    };
    const env = {
      HCP_DOMAIN: "ignored.example.com",
      HCP_USERNAME: "admin",
      HCP_PASSWORD: "pw",
      HCP_ADDRESS: "10.1.1.1",
    };
    const settings = completeHcpSettings(readHcpSettings(config, env));
    expect(settings).to.deep.include({
      domain: "hcp.example.com",
      port: 9090,
      username: "admin",
      password: "pw",
      address: "10.1.1.1",
      caCert: undefined,
      insecureSkipVerify: true,
    });
    expect(readHcpSettings(undefined, { HCP_PORT: "9443" }).port).to.equal(9443);
  });

  it("names every missing setting and refuses malformed ones, never echoing the password", () => {
    let message = "";
    try {
      completeHcpSettings(readHcpSettings(undefined, { HCP_PASSWORD: "hunter2" }));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.include("hcp:domain (or HCP_DOMAIN)").and.include("hcp:username (or HCP_USERNAME)");
    expect(message).to.not.include("hcp:password (").and.not.include("hunter2");
    expect(() => completeHcpSettings({ domain: "d" }, false)).to.not.throw();
    expect(() => readHcpSettings(undefined, { HCP_PORT: "90x" })).to.throw(/hcp:port/);
    expect(() => readHcpSettings(undefined, { HCP_INSECURE_SKIP_VERIFY: "maybe" })).to.throw(
      /insecureSkipVerify/,
    );
  });

  it("makes one client per account and warns once when TLS verification is off", () => {
    const warnings: string[] = [];
    const settings = {
      domain: "unit.example.com",
      port: 9090,
      username: "admin",
      password: "pw",
      insecureSkipVerify: true,
    };
    const first = hcpClientFor(settings, undefined, (m) => warnings.push(m));
    expect(hcpClientFor(settings, undefined, (m) => warnings.push(m))).to.equal(first);
    const tenant = hcpClientFor(
      settings,
      { tenant: "Finance", username: "lgreen", password: "x1x1x1" },
      (m) => warnings.push(m),
    );
    expect(tenant).to.not.equal(first);
    expect(tenant.host).to.equal("finance.unit.example.com");
    expect(first.host).to.equal("admin.unit.example.com");
    expect(warnings).to.have.length(2);
    expect(warnings.join())
      .to.match(/verification is OFF/)
      .and.not.include("pw");
  });
});
