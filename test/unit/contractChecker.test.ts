import { expect } from "chai";
import { ContractChecker, type Exchange } from "../../contract/checker";
import type { ApiContract } from "../../contract/document";
import { ContractLedger, PROVIDER_AGENT_PREFIX } from "../../contract/ledger";
import { userAgent } from "../../provider/core/userAgent";

/** A small contract of its own, so these tests pin the checker's rules, not the vendors' documents. */
const contract: ApiContract = {
  api: "acronis",
  prefix: "/api/2",
  unknownQueryIsViolation: true,
  files: [
    {
      title: "test",
      source: "test",
      operations: {
        "GET /things/{thing_id}": {
          pathParams: { thing_id: { type: "string", pattern: "^[0-9a-f-]{36}$" } },
          query: { lod: { schema: { type: "string", enum: ["basic", "full"] } } },
          responses: {
            "200": { schema: { $ref: "#/definitions/thing" } },
            "404": { schema: { $ref: "#/definitions/error" } },
          },
        },
        "GET /things/special": { responses: { "204": {} } },
        "PUT /things/{thing_id}": {
          requestBody: { required: true, schema: { $ref: "#/definitions/thingPut" } },
          responses: { "200": { schema: { $ref: "#/definitions/thing" } } },
        },
      },
      definitions: {
        thing: {
          type: "object",
          properties: {
            id: { type: "string" },
            version: { type: "integer" },
            note: { type: ["string", "null"] },
          },
          required: ["id", "version", "note"],
        },
        thingPut: {
          type: "object",
          properties: { version: { type: "integer" }, note: { type: "string" } },
          required: ["version"],
          additionalProperties: false,
        },
        error: {
          type: "object",
          properties: { error: { type: "object", properties: { code: { type: "integer" } } } },
          required: ["error"],
        },
      },
      commonResponses: { "429": { schema: { $ref: "#/definitions/error" } } },
    },
  ],
};

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

function exchange(overrides: Partial<Exchange>): Exchange {
  return {
    method: "GET",
    path: `/api/2/things/${ID}`,
    query: new URLSearchParams(),
    requestHeaders: {},
    requestBody: "",
    status: 200,
    responseHeaders: { "Content-Type": "application/json" },
    responseBody: JSON.stringify({ id: ID, version: 1, note: null }),
    ...overrides,
  };
}

describe("contract checker", () => {
  const checker = new ContractChecker(contract);

  it("passes a request and answer that follow the contract", () => {
    const ledger = new ContractLedger();
    expect(
      ledger.record("acronis", checker, exchange({ query: new URLSearchParams("lod=full") })),
    ).to.deep.equal([]);
    expect(ledger.snapshot().exchanges.acronis).to.equal(1);
  });

  it("prefers the most literal path: /things/special is not /things/{thing_id}", () => {
    expect(checker.match("GET", "/api/2/things/special")?.key).to.equal("GET /things/special");
  });

  it("fails a broken emulator answer: a required field missing, a wrong type, a field the document lacks", () => {
    const broken = exchange({ responseBody: JSON.stringify({ id: ID, version: "1", extra: true }) });
    expect(new ContractLedger().record("acronis", checker, broken)).to.deep.equal([
      `emulator answered: GET /things/{thing_id} answer 200 body: must have required property 'note' ("note")`,
      `emulator answered: GET /things/{thing_id} answer 200 body/version: must be integer`,
      `emulator answered: GET /things/{thing_id} answer 200 body: must NOT have unevaluated properties ("extra")`,
    ]);
  });

  it("fails a broken provider body even when the emulator refused it", () => {
    const sent = exchange({
      method: "PUT",
      requestHeaders: { "user-agent": "tenant-estates/0.1.0", "content-type": "application/json" },
      requestBody: JSON.stringify({ note: "x", enhanced_security: true }),
      status: 404,
      responseBody: JSON.stringify({ error: { code: 404 } }),
    });
    expect(new ContractLedger().record("acronis", checker, sent)).to.deep.equal([
      `provider sent: PUT /things/{thing_id} request body: must have required property 'version' ("version")`,
      `provider sent: PUT /things/{thing_id} request body: must NOT have additional properties ("enhanced_security")`,
      "emulator answered: PUT /things/{thing_id} answer 404: status not documented for this operation",
    ]);
  });

  it("lets another client's bad request pass when the emulator refuses it, and fails it when accepted", () => {
    const bad = { method: "PUT", requestHeaders: { "content-type": "application/json" }, requestBody: "{}" };
    const refused = exchange({ ...bad, status: 400, responseBody: "" });
    const accepted = exchange({ ...bad });
    expect(new ContractLedger().record("acronis", checker, refused)).to.deep.equal([
      "emulator answered: PUT /things/{thing_id} answer 400: status not documented for this operation",
    ]);
    expect(new ContractLedger().record("acronis", checker, accepted)).to.deep.equal([
      `emulator accepted (200): PUT /things/{thing_id} request body: must have required property 'version' ("version")`,
    ]);
  });

  it("checks path and query parameters, and answers any operation may give", () => {
    const sent = exchange({
      path: "/api/2/things/not-a-uuid",
      query: new URLSearchParams("lod=everything&colour=red"),
      status: 429,
      responseBody: JSON.stringify({ error: { code: 429 } }),
    });
    expect(checker.checkRequest(sent)).to.deep.equal([
      `GET /things/{thing_id} request path thing_id: must match pattern "^[0-9a-f-]{36}$"`,
      `GET /things/{thing_id} request query lod: must be equal to one of the allowed values (["basic","full"])`,
      "GET /things/{thing_id} request query colour: not documented",
    ]);
    expect(checker.checkResponse(sent)).to.deep.equal([]);
  });

  it("closes answer objects where they are used, so composed schemas keep their siblings' fields", () => {
    const composed = new ContractChecker({
      ...contract,
      files: [
        {
          title: "composition",
          source: "test",
          operations: {
            "GET /extended": { responses: { "200": { schema: { $ref: "#/definitions/extended" } } } },
            "GET /maybe": {
              responses: { "200": { schema: { anyOf: [{ $ref: "#/definitions/base" }, { type: "null" }] } } },
            },
            "GET /unless": {
              responses: {
                "200": {
                  schema: {
                    $ref: "#/definitions/base",
                    not: { properties: { forbidden: {} }, required: ["forbidden"] },
                  },
                },
              },
            },
          },
          definitions: {
            base: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
            extended: {
              allOf: [{ $ref: "#/definitions/base" }, { properties: { extra: { type: "integer" } } }],
            },
          },
        },
      ],
    });
    const answer = (path: string, body: unknown) =>
      composed.checkResponse(exchange({ path: `/api/2${path}`, responseBody: JSON.stringify(body) }));
    expect(answer("/extended", { id: "a", extra: 1 })).to.deep.equal([]);
    expect(answer("/extended", { id: "a", extra: 1, invented: true })).to.have.length(1);
    expect(answer("/maybe", null)).to.deep.equal([]);
    expect(answer("/maybe", { id: "a", invented: true })).to.not.deep.equal([]);
    expect(answer("/unless", { id: "a" })).to.deep.equal([]);
    expect(answer("/unless", { id: "a", forbidden: 1 })).to.not.deep.equal([]);
  });

  it("knows the provider's requests by the User-Agent the provider sends", () => {
    expect(userAgent).to.match(/^tenant-estates\/\d+\.\d+\.\d+/);
    expect(userAgent.startsWith(PROVIDER_AGENT_PREFIX)).to.equal(true);
  });

  it("names a request no operation documents", () => {
    expect(checker.checkRequest(exchange({ method: "DELETE" }))).to.deep.equal([
      `DELETE /api/2/things/${ID}: no documented operation`,
    ]);
  });
});
