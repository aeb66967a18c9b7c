/**
 * Run only by test/unit/contractHooks.test.ts, in a mocha of its own: the first test sees an emulator answer
 * that breaks the contract, the second sees none.
 */
import { acronisChecker } from "../../contract";
import { contractLedger } from "../../contract/ledger";

describe("a file with one broken answer", () => {
  it("sees a tenant answer without its required fields", () => {
    contractLedger?.record("acronis", acronisChecker(), {
      method: "GET",
      path: "/api/2/tenants/0f8fad5b-d9cb-469f-a165-70867728950e",
      query: new URLSearchParams(),
      requestHeaders: {},
      requestBody: "",
      status: 200,
      responseHeaders: { "Content-Type": "application/json" },
      responseBody: JSON.stringify({ id: "0f8fad5b-d9cb-469f-a165-70867728950e" }),
    });
  });

  it("goes on with the next test", () => {});
});
