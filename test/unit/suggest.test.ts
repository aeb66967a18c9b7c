import { expect } from "chai";
import fc from "fast-check";
import { acronisAccessHints } from "../../provider/acronis/config";
import { acronisBaseUrlProblem } from "../../provider/acronis/plainHttp";
import { explainAccess } from "../../provider/core/accessHints";
import { proveAccess } from "../../provider/core/accessProof";
import { AuthenticationError, NetworkError, PermissionError } from "../../provider/core/errors";
import { didYouMean, editDistance, nearestName } from "../../provider/core/suggest";
import { hcpAccessHints } from "../../provider/hcp/config";
import { estateProblems } from "../support/estateProblems";

const word = fc.string({ unit: fc.constantFrom(..."abcdefgh_"), maxLength: 12 });

describe("edit distance and the nearest known name", () => {
  it("is a distance: zero only for equal words (ignoring case), symmetric, within the longer length", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).to.equal(a.toLowerCase() === b.toLowerCase());
        expect(editDistance(b, a)).to.equal(d);
        expect(d).to.be.within(Math.abs(a.length - b.length), Math.max(a.length, b.length));
      }),
    );
  });

  it("obeys the triangle inequality", () => {
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, c)).to.be.at.most(editDistance(a, b) + editDistance(b, c));
      }),
    );
  });

  it("counts one edit for one inserted, deleted or replaced character", () => {
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom(..."xyz"), (w, at, c) => {
        const i = w.length === 0 ? 0 : at % w.length;
        expect(editDistance(w, w.slice(0, i) + c + w.slice(i))).to.equal(1);
        if (w.length > 0) {
          expect(editDistance(w, w.slice(0, i) + w.slice(i + 1))).to.equal(1);
          expect(editDistance(w, w.slice(0, i) + c + w.slice(i + 1))).to.equal(1);
        }
      }),
    );
  });

  it("suggests a known name one typo away from a word of four letters or more", () => {
    const names = ["workstations", "storage", "servers", "mobiles"];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), (name, at) => {
        const i = at % name.length;
        expect(nearestName(name.slice(0, i) + name.slice(i + 1), names)).to.equal(name);
      }),
    );
  });

  it("suggests nothing for another word, and the exact name whatever its case", () => {
    expect(didYouMean("workstation", ["workstations", "storage"])).to.equal(': did you mean "workstations"?');
    expect(didYouMean("colour", ["name", "parentId", "contact"])).to.equal("");
    expect(didYouMean("c", ["a", "b"])).to.equal("");
    expect(didYouMean("write", ["READ", "WRITE"])).to.equal(': did you mean "WRITE"?');
    expect(didYouMean("produciton", ["trial", "production"])).to.equal(': did you mean "production"?');
  });
});

describe("an Acronis base URL's shape", () => {
  it("is a data center's /api/2 address", () => {
    for (const url of [
      "https://eu2-cloud.acronis.com/api/2",
      "http://127.0.0.1:8080/api/2/",
      "https://x/p/api/2",
    ])
      expect(acronisBaseUrlProblem(url), url).to.equal(undefined);
  });

  it("refuses anything else with the expected shape, and says to add /api/2 to a bare host", () => {
    const shape =
      "acronis:baseUrl must be the data center's API address, https://<data center host>/api/2, got";
    expect(acronisBaseUrlProblem("http://127.0.0.1:35925")).to.equal(
      `${shape} "http://127.0.0.1:35925" (add /api/2)`,
    );
    expect(acronisBaseUrlProblem("not-a-url")).to.equal(`${shape} "not-a-url"`);
    expect(acronisBaseUrlProblem("https://dc.example.com/api/1")).to.equal(
      `${shape} "https://dc.example.com/api/1"`,
    );
    expect(acronisBaseUrlProblem("ftp://dc.example.com/api/2")).to.equal(
      `${shape} "ftp://dc.example.com/api/2"`,
    );
  });
});

describe("errors of access name the settings to fix", () => {
  const refused = new AuthenticationError({
    vendor: "Acronis",
    operation: "POST /idp/token",
    status: 401,
    code: "invalid_client",
  });
  const noAnswer = new NetworkError({
    vendor: "Acronis",
    operation: "POST /idp/token",
    code: "ECONNREFUSED",
    vendorMessage: "no answer (ECONNREFUSED)",
  });

  it("refused credentials: the account's credential keys and environment variables", () => {
    expect(explainAccess(refused, acronisAccessHints("https://dc/api/2", "eu-west")).message).to.equal(
      "Acronis refused the credentials: check acronis-eu-west:clientId and acronis-eu-west:clientSecret, or ACRONIS_EU_WEST_CLIENT_ID and ACRONIS_EU_WEST_CLIENT_SECRET (Acronis POST /idp/token failed: HTTP 401, code invalid_client)",
    );
  });

  it("no answer: the address and the key that set it", () => {
    expect(explainAccess(noAnswer, acronisAccessHints("http://127.0.0.1:9/api/2")).message).to.equal(
      "no answer from http://127.0.0.1:9/api/2, the address in acronis:baseUrl (or ACRONIS_BASE_URL): check it, and that the API is reachable from this machine (Acronis POST /idp/token failed: code ECONNREFUSED: no answer (ECONNREFUSED))",
    );
    const hcp = hcpAccessHints({ domain: "hcp.example.com", port: 9090, address: "10.0.0.5" }, true);
    expect(explainAccess(noAnswer, hcp).explanation).to.equal(
      "no answer from HCP at hcp.example.com port 9090 through 10.0.0.5 (hcp:domain, hcp:port, hcp:address): check it, and that the API is reachable from this machine",
    );
  });

  it("leaves a tenant-level account's refusal, a missing right and an explained error to their own words", () => {
    const tenantLevel = hcpAccessHints({ domain: "hcp.example.com", port: 9090 }, false);
    expect(explainAccess(refused, tenantLevel)).to.equal(refused);
    const denied = new PermissionError({ vendor: "HCP", operation: "GET /tenants", status: 403 });
    expect(explainAccess(denied, hcpAccessHints({ domain: "h", port: 1 }, true))).to.equal(denied);
    const explained = refused.copyWith({ explanation: "already said" });
    expect(explainAccess(explained, acronisAccessHints("https://dc/api/2"))).to.equal(explained);
  });

  it("the proof of access is one read per client: a refusal is kept, a failure that may pass is read again", async () => {
    const proofOf = async (failure: Error) => {
      const client = {};
      let reads = 0;
      const read = async () => {
        reads++;
        throw failure;
      };
      const first = await Promise.allSettled(Array.from({ length: 1000 }, () => proveAccess(client, read)));
      expect(first.every((r) => r.status === "rejected" && r.reason === failure)).to.equal(true);
      await proveAccess(client, read).catch(() => undefined);
      return reads;
    };
    expect(await proofOf(refused)).to.equal(1);
    expect(await proofOf(noAnswer)).to.equal(2);
    const client = {};
    let reads = 0;
    await Promise.all(Array.from({ length: 10 }, () => proveAccess(client, async () => reads++)));
    await proveAccess(client, async () => reads++);
    expect(reads).to.equal(1);
  });
});

describe("the estate file's schema errors suggest the nearest known name", () => {
  it("for a misspelt property and a misspelt value", () => {
    const text = [
      "acronis:",
      "  customers:",
      "    - key: acme",
      "      name: Acme",
      "      pricingMode: prodution",
      "      twoFacter: true",
      "      users: [{ login: jdoe, email: jd@acme.example, roles: [company_admn] }]",
    ].join("\n");
    expect(estateProblems(text)).to.deep.equal([
      'estate.yaml:6:7: acronis.customers[0].twoFacter is not a known property: did you mean "twoFactor"?',
      'estate.yaml:5:20: acronis.customers[0].pricingMode must be one of trial, production: did you mean "production"?',
      'estate.yaml:7:62: acronis.customers[0].users[0].roles[0] must be one of partner_admin, hci_admin, company_admin, unit_admin, readonly_admin, backup_user, sync_share_admin, sync_share_user, sync_share_guest: did you mean "company_admin"?',
    ]);
  });
});
