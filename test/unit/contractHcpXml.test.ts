import { expect } from "chai";
import { hcpChecker } from "../../contract";
import type { Exchange } from "../../contract/checker";

/** How the HCP contract reads XML (text shaped by the schema) and the text forms request bodies may use. */
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function answer(path: string, body: string, contentType = "application/xml"): Exchange {
  return {
    method: "GET",
    path: `/mapi/tenants/finance${path}`,
    query: new URLSearchParams(),
    requestHeaders: {},
    requestBody: "",
    status: 200,
    responseHeaders: { "Content-Type": contentType, "X-HCP-SoftwareVersion": "9.7.0.1" },
    responseBody: body,
  };
}

function request(path: string, body: string, contentType = "application/xml"): Exchange {
  return {
    ...answer(path, ""),
    method: "POST",
    requestHeaders: { "content-type": contentType },
    requestBody: body,
    responseHeaders: {},
  };
}

describe("HCP contract: XML reading and text forms", () => {
  const checker = hcpChecker();

  it("reads an empty list element as an empty list", () => {
    const security = `${DECLARATION}<consoleSecurity><ipSettings><allowAddresses><ipAddress>0.0.0.0/0</ipAddress></allowAddresses><denyAddresses/><allowIfInBothLists>true</allowIfInBothLists></ipSettings><minimumPasswordLength>6</minimumPasswordLength></consoleSecurity>`;
    expect(checker.checkResponse(answer("/consoleSecurity", security))).to.deep.equal([]);
    const namespace = `${DECLARATION}<namespace><name>ns1</name><tags/><authMinimumPermissions/></namespace>`;
    expect(checker.checkResponse(answer("/namespaces/ns1", namespace))).to.deep.equal([]);
    const account = `${DECLARATION}<userAccount><username>jdoe</username><roles/></userAccount>`;
    expect(checker.checkResponse(answer("/userAccounts/jdoe", account))).to.deep.equal([]);
  });

  it("reads a lone <recipient> or <chargebackData> as a one-item list", () => {
    const notification = `${DECLARATION}<emailNotification><enabled>true</enabled><recipients><recipient><address>ops@example.com</address><importance>MAJOR</importance><severity>ERROR</severity><type>GENERAL</type></recipient></recipients></emailNotification>`;
    expect(checker.checkResponse(answer("/emailNotification", notification))).to.deep.equal([]);
    const report = `${DECLARATION}<chargebackReport><chargebackData><systemName>finance.hcp.example.com</systemName><tenantName>finance</tenantName><startTime>2024-01-01T00:00:00+0000</startTime><endTime>2024-01-01T23:59:59+0000</endTime><objectCount>1</objectCount><deleted>false</deleted><valid>true</valid></chargebackData></chargebackReport>`;
    expect(checker.checkResponse(answer("/chargebackReport", report))).to.deep.equal([]);
  });

  it("keeps JSON list wrappers closed: no other member, no empty string", () => {
    const extra = answer(
      "/namespaces/ns1",
      JSON.stringify({ name: "ns1", tags: { tag: [], colour: 1 } }),
      "application/json",
    );
    expect(checker.checkResponse(extra)).to.deep.equal([
      `GET /tenants/{tenant-name}/namespaces/{namespace-name} answer 200 body/tags: must NOT have unevaluated properties ("colour")`,
    ]);
    const empty = answer("/namespaces/ns1", JSON.stringify({ name: "ns1", tags: "" }), "application/json");
    expect(checker.checkResponse(empty)).to.have.length(1);
  });

  it("takes Booleans and integers as text in a request body, integers within their range", () => {
    const xml = "<tenant><softQuota>60</softQuota><snmpLoggingEnabled>t</snmpLoggingEnabled></tenant>";
    expect(checker.checkRequest(request("", xml))).to.deep.equal([]);
    const json = JSON.stringify({
      softQuota: "060",
      maxNamespacesPerUser: "+12",
      syslogLoggingEnabled: "yes",
    });
    expect(checker.checkRequest(request("", json, "application/json"))).to.deep.equal([]);
    const outOfRange = request(
      "/namespaceDefaults",
      "<namespaceDefaults><softQuota>96</softQuota></namespaceDefaults>",
    );
    expect(checker.checkRequest(outOfRange).join("\n")).to.match(/softQuota: must be <= 95/);
    const textOutOfRange = request(
      "/namespaceDefaults",
      JSON.stringify({ softQuota: "96" }),
      "application/json",
    );
    expect(checker.checkRequest(textOutOfRange).join("\n")).to.match(/softQuota: must match pattern/);
    const number = request("", JSON.stringify({ snmpLoggingEnabled: 1 }), "application/json");
    expect(checker.checkRequest(number).join("\n")).to.match(/snmpLoggingEnabled: must be boolean/);
  });
});
