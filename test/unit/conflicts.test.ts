import { expect } from "chai";
import { acronisError } from "../../provider/acronis/errors";
import { explainTenantNameConflict } from "../../provider/acronis/resources/customerTenant";
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ItemNotAvailableError,
  NameConflictError,
  NotFoundError,
  ServerError,
  StateConflictError,
  VersionConflictError,
} from "../../provider/core/errors";
import { explainConflict, withFreshVersion } from "../../provider/core/resource";
import type { TransportResponse } from "../../provider/core/transport";
import { hcpError } from "../../provider/hcp/errors";

/** An Acronis platform error answer, as the API sends it. */
const platform = (status: number, code: number | string, message: string): TransportResponse => ({
  status,
  headers: {},
  data: { error: { code, message, details: { info: "more" }, domain: "PlatformAccountServer" } },
});

const hcp = (status: number, message: string): TransportResponse => ({
  status,
  headers: { "x-hcp-errormessage": message },
  data: "",
});

describe("one error class per vendor failure kind", () => {
  describe("Acronis answers, by platform code then by status", () => {
    const cases: [TransportResponse, typeof ApiError][] = [
      [platform(409, 1001, "Version mismatch"), VersionConflictError],
      [platform(409, "1001", "Version mismatch"), VersionConflictError],
      [platform(409, 1004, "Tenant name conflict"), NameConflictError],
      // "Another object of the same type already exists" (a taken login) comes without a platform code.
      [platform(409, 409, "Conflict"), NameConflictError],
      [platform(400, 1006, "It is prohibited to delete a non-disabled tenant."), StateConflictError],
      [platform(409, 1012, "Tenant is locked"), StateConflictError],
      [platform(400, 1021, "Offering item is not available"), ItemNotAvailableError],
      [platform(400, 1033, "Invalid login"), BadRequestError],
      [platform(404, 404, "Not found"), NotFoundError],
      [platform(503, 503, "Service Unavailable"), ServerError],
    ];
    for (const [answer, expected] of cases) {
      const code = (answer.data as { error: { code: unknown } }).error.code;
      it(`HTTP ${answer.status}, code ${JSON.stringify(code)} → ${expected.name}`, () => {
        const err = acronisError(answer, "PUT /tenants/t1");
        expect(err.constructor).to.equal(expected);
        expect(err.name).to.equal(expected.name);
      });
    }

    it("keeps every conflict an instance of ConflictError, and 1021 a bad request", () => {
      for (const code of [1001, 1004, 1006, 1012]) {
        expect(acronisError(platform(409, code, "x"), "op")).to.be.instanceOf(ConflictError);
      }
      const unavailable = acronisError(platform(400, 1021, "x"), "op");
      expect(unavailable).to.be.instanceOf(BadRequestError).and.not.instanceOf(ConflictError);
    });

    it("carries vendor, operation, status, code and message, in one line without the details", () => {
      const err = acronisError(platform(409, 1004, "Tenant name conflict"), "POST /tenants");
      expect(err).to.include({
        vendor: "Acronis",
        operation: "POST /tenants",
        status: 409,
        code: 1004,
        vendorMessage: "Tenant name conflict",
      });
      expect(err.message).to.equal("Acronis POST /tenants failed: HTTP 409, code 1004: Tenant name conflict");
    });

    it("reads the OAuth shape of the token endpoint by status", () => {
      const answer = {
        status: 401,
        headers: {},
        data: { error: "invalid_client", error_description: "invalid client credentials" },
      };
      const err = acronisError(answer, "POST /idp/token");
      expect(err).to.be.instanceOf(AuthenticationError);
      expect(err.message).to.equal(
        "Acronis POST /idp/token failed: HTTP 401, code invalid_client: invalid client credentials",
      );
    });
  });

  describe("HCP answers, by status and method (HCP has no codes)", () => {
    it("a 409 on PUT is a name conflict: the object exists", () => {
      const err = hcpError(hcp(409, "Tenant Finance already exists."), "PUT /tenants", "PUT");
      expect(err).to.be.instanceOf(NameConflictError);
      expect(err.message).to.equal("HCP PUT /tenants failed: HTTP 409: Tenant Finance already exists.");
    });

    it("a 409 on DELETE is a state conflict: the tenant still owns namespaces", () => {
      const message = "Tenant Finance cannot be deleted because it owns 2 namespace(s).";
      const err = hcpError(hcp(409, message), "DELETE /tenants/Finance", "DELETE");
      expect(err).to.be.instanceOf(StateConflictError);
      expect(err).to.include({ vendor: "HCP", status: 409, vendorMessage: message });
    });

    it("a 409 of any other method stays a plain conflict", () => {
      const err = hcpError(hcp(409, "conflict"), "POST /tenants/Finance", "POST");
      expect(err.constructor).to.equal(ConflictError);
    });
  });

  describe("explanations", () => {
    const taken = acronisError(platform(409, 1004, "Tenant name conflict"), "PUT /tenants/t1");

    it("puts what to do before the vendor's words, keeping the class and the fields", () => {
      const explained = explainTenantNameConflict(taken, { name: "Acme", parentId: "p1" }) as ApiError;
      expect(explained).to.be.instanceOf(NameConflictError);
      expect(explained).to.include({ status: 409, code: 1004, operation: "PUT /tenants/t1" });
      expect(explained.message).to.equal(
        'a tenant named "Acme" already exists under parent p1 (names are unique in the whole tenant hierarchy): ' +
          "choose another name, or set `adopt: true` to take over the one under this parent " +
          "(Acronis PUT /tenants/t1 failed: HTTP 409, code 1004: Tenant name conflict)",
      );
      expect(explained.message).to.not.include("\n");
    });

    it("names the object of any conflict but a version conflict, which is left to withFreshVersion", () => {
      const locked = acronisError(platform(409, 1012, "Tenant is locked"), "PUT /tenants/t1");
      expect((explainConflict("customer tenant t1", locked) as Error).message).to.match(
        /^customer tenant t1: its current state does not allow this \(Acronis PUT/,
      );
      const stale = acronisError(platform(409, 1001, "Version mismatch"), "PUT /tenants/t1");
      expect(explainConflict("customer tenant t1", stale)).to.equal(stale);
      const notFound = acronisError(platform(404, 404, "Not found"), "PUT /tenants/t1");
      expect(explainConflict("customer tenant t1", notFound)).to.equal(notFound);
    });
  });
});

describe("withFreshVersion", () => {
  const conflict = (Kind: typeof ApiError, code: number) =>
    new Kind({ vendor: "Acronis", operation: "PUT /tenants/t1", status: 409, code, vendorMessage: "no" });

  /** A write that fails with the given errors in turn, then succeeds; it records each version it sent. */
  function scriptedWrite(failures: Error[]) {
    const versions: number[] = [];
    const write = async (version: number) => {
      versions.push(version);
      const failure = failures.shift();
      if (failure) throw failure;
      return `written at ${version}`;
    };
    return { write, versions };
  }

  it("re-reads the version and writes again after a version conflict", async () => {
    const { write, versions } = scriptedWrite([conflict(VersionConflictError, 1001)]);
    let reads = 0;
    const result = await withFreshVersion("customer tenant t1", async () => 10 + ++reads, write, 5);
    expect(result).to.equal("written at 11");
    expect(versions).to.deep.equal([5, 11]);
  });

  it("fails a name conflict at once, with one write and the object named", async () => {
    const { write, versions } = scriptedWrite([conflict(NameConflictError, 1004)]);
    let reads = 0;
    const err = await withFreshVersion("customer tenant t1", async () => ++reads, write, 5).catch(
      (e: unknown) => e,
    );
    expect(versions).to.have.length(1);
    expect(reads).to.equal(0);
    expect(err).to.be.instanceOf(NameConflictError);
    expect((err as Error).message).to.match(
      /^customer tenant t1: the name is already taken: choose another name \(Acronis PUT \/tenants\/t1 failed: HTTP 409, code 1004: no\)$/,
    );
    expect((err as Error).message).to.not.match(/twice|run `pulumi up` again/);
  });

  it("fails a state conflict and a plain conflict at once too", async () => {
    for (const failure of [conflict(StateConflictError, 1012), conflict(ConflictError, 409)]) {
      const { write, versions } = scriptedWrite([failure]);
      const err = await withFreshVersion("user u1", async () => 1, write).catch((e: unknown) => e);
      expect(versions).to.have.length(1);
      expect(err).to.be.instanceOf(failure.constructor as typeof ApiError);
      expect((err as Error).message).to.match(/^user u1: /);
    }
  });

  it("fails a name conflict met on the second write at once as well", async () => {
    const failures = [conflict(VersionConflictError, 1001), conflict(NameConflictError, 1004)];
    const { write, versions } = scriptedWrite(failures);
    const err = await withFreshVersion("customer tenant t1", async () => 7, write, 5).catch(
      (e: unknown) => e,
    );
    expect(versions).to.deep.equal([5, 7]);
    expect(err).to.be.instanceOf(NameConflictError);
  });

  it("reports two version conflicts in a row, after exactly two writes", async () => {
    const failures = [conflict(VersionConflictError, 1001), conflict(VersionConflictError, 1001)];
    const { write, versions } = scriptedWrite(failures);
    const err = await withFreshVersion("customer tenant t1", async () => 7, write, 5).catch(
      (e: unknown) => e,
    );
    expect(versions).to.deep.equal([5, 7]);
    expect((err as Error).message).to.match(
      /^customer tenant t1 was changed by someone else while it was being updated, twice; run `pulumi up` again \(.*code 1001/,
    );
  });

  it("passes other errors through unchanged", async () => {
    const gone = new NotFoundError({ vendor: "Acronis", operation: "PUT /tenants/t1", status: 404 });
    const { write, versions } = scriptedWrite([gone]);
    const err = await withFreshVersion("customer tenant t1", async () => 1, write).catch((e: unknown) => e);
    expect(err).to.equal(gone);
    expect(versions).to.have.length(1);
  });
});
