import { expect } from "chai";
import fc from "fast-check";
import { parseChargebackReport, parseCsv } from "../../provider/hcp/client";
import { consoleSecurityShape, emailNotificationShape, tenantShape } from "../../provider/hcp/types";
import {
  buildXml,
  buildXmlList,
  listEntries,
  parseXml,
  parseXmlList,
  parseXmlObject,
  typed,
} from "../../provider/hcp/xml";

/** The seed's consoleSecurity body, pretty-printed with an empty deny list. */
const seedConsoleXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<consoleSecurity>
    <ipSettings>
        <allowAddresses>
             <ipAddress>192.168.103.18</ipAddress>
            <ipAddress>192.168.103.24</ipAddress>
        </allowAddresses>
        <denyAddresses/>
        <allowIfInBothLists>false</allowIfInBothLists>
    </ipSettings>
    <minimumPasswordLength>6</minimumPasswordLength>
    <loginMessage/>
</consoleSecurity>`;

describe("HCP XML", () => {
  it("unwraps every list into an array, a single entry and an empty wrapper included", () => {
    const content = parseXmlObject(seedConsoleXml, "consoleSecurity", "test");
    expect(content.ipSettings).to.deep.equal({
      allowAddresses: ["192.168.103.18", "192.168.103.24"],
      denyAddresses: [],
      allowIfInBothLists: "false",
    });
    const single = parseXmlObject(
      "<tenant><tags><tag>only</tag></tags><authenticationTypes/></tenant>",
      "tenant",
      "t",
    );
    expect(single).to.deep.equal({ tags: ["only"], authenticationTypes: [] });
  });

  it("reads typed values: integers, booleans (t/f/1/0 too), lists, empty text", () => {
    const settings = typed<Record<string, unknown>>(
      consoleSecurityShape,
      parseXmlObject(seedConsoleXml, "consoleSecurity", "test"),
    );
    expect(settings).to.deep.equal({
      ipSettings: {
        allowAddresses: ["192.168.103.18", "192.168.103.24"],
        denyAddresses: [],
        allowIfInBothLists: false,
      },
      minimumPasswordLength: 6,
      loginMessage: "",
    });
    const tenant = typed<Record<string, unknown>>(
      tenantShape,
      parseXmlObject(
        "<tenant><name>0001</name><softQuota>85</softQuota><namespaceQuota>5</namespaceQuota><searchConfigurationEnabled>t</searchConfigurationEnabled><tags/></tenant>",
        "tenant",
        "t",
      ),
    );
    expect(tenant).to.deep.equal({
      name: "0001",
      softQuota: 85,
      namespaceQuota: "5",
      searchConfigurationEnabled: true,
      tags: [],
    });
  });

  it("wraps arrays of known lists on the way out, leaving undefined and null out", () => {
    const xml = buildXml("tenant", {
      name: "Finance",
      tags: ["a & b"],
      authenticationTypes: [],
      servicePlan: undefined,
      x: null,
    });
    expect(xml).to.equal(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><tenant><name>Finance</name><tags><tag>a &amp; b</tag></tags><authenticationTypes></authenticationTypes></tenant>',
    );
    expect(buildXmlList("permissions", "permission", ["READ"])).to.equal(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><permissions><permission>READ</permission></permissions>',
    );
  });

  it("round-trips every list wrapper with any number of entries (property)", () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.trim() !== "");
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(listEntries).filter((k) => k !== "recipients")),
        fc.array(text, { maxLength: 5 }),
        (list, entries) => {
          const back = parseXmlObject(buildXml("doc", { [list]: entries }), "doc", "test");
          return JSON.stringify(back) === JSON.stringify({ [list]: entries });
        },
      ),
    );
  });

  it("round-trips recipients, structures inside a list", () => {
    const recipients = [
      { address: "a@example.com", importance: "ALL", severity: "ERROR", type: "GENERAL,SECURITY" },
    ];
    const xml = buildXml("emailNotification", { enabled: true, emailTemplate: {}, recipients });
    const back = typed<Record<string, unknown>>(
      emailNotificationShape,
      parseXmlObject(xml, "emailNotification", "t"),
    );
    expect(back).to.deep.equal({ enabled: true, emailTemplate: {}, recipients });
  });

  it("reads list documents and refuses malformed XML or another root", () => {
    expect(parseXmlList("<tenants><name>Default</name></tenants>", "tenants", "name", "t")).to.deep.equal([
      "Default",
    ]);
    expect(parseXmlList("<tenants/>", "tenants", "name", "t")).to.deep.equal([]);
    expect(() => parseXml("<tenant><name>x</tenant>", "GET /tenants/x")).to.throw(
      /malformed XML for GET \/tenants\/x/,
    );
    expect(() => parseXmlObject("<consoleSecurity/>", "tenant", "t")).to.throw(/instead of <tenant>/);
  });
});

describe("HCP chargeback reports", () => {
  const csv = `systemName,tenantName,namespaceName,startTime,endTime,objectCount,bytesIn,deleted,valid
finance.hcp.example.com,europe,finance,2017-02-17T00:00:00-0500,2017-02-17T23:59:59-0500,6,123986263,false,true
"quoted, name",europe,,2017-02-17T00:00:00-0500,2017-02-17T23:59:59-0500,13,133595631,included,false
`;

  it("parses CSV with quoted cells", () => {
    const rows = parseCsv(csv);
    expect(rows).to.have.length(2);
    expect(rows[1].systemName).to.equal("quoted, name");
    expect(parseCsv('a,b\r\n"x ""y""",2\r\n')).to.deep.equal([{ a: 'x "y"', b: "2" }]);
  });

  it("reads the same rows from CSV, XML and JSON", () => {
    const fromCsv = parseChargebackReport(csv, "csv", "t");
    expect(fromCsv[0]).to.deep.equal({
      systemName: "finance.hcp.example.com",
      tenantName: "europe",
      namespaceName: "finance",
      startTime: "2017-02-17T00:00:00-0500",
      endTime: "2017-02-17T23:59:59-0500",
      objectCount: 6,
      bytesIn: 123986263,
      deleted: "false",
      valid: true,
    });
    expect(fromCsv[1]).to.include({ namespaceName: "", deleted: "included", valid: false });
    const { namespaceName: _omitted, ...tenantLine } = fromCsv[1];
    const xml = `<chargebackReport>${fromCsv
      .map(
        (row, i) =>
          `<chargebackData>${Object.entries(i === 1 ? tenantLine : row)
            .map(([k, v]) => `<${k}>${v}</${k}>`)
            .join("")}</chargebackData>`,
      )
      .join("")}</chargebackReport>`;
    expect(parseChargebackReport(xml, "xml", "t")).to.deep.equal(fromCsv);
    expect(parseChargebackReport({ chargebackData: [fromCsv[0], tenantLine] }, "json", "t")).to.deep.equal(
      fromCsv,
    );
    expect(
      parseChargebackReport(
        `<chargebackReport><chargebackData><objectCount>1</objectCount></chargebackData></chargebackReport>`,
        "xml",
        "t",
      ),
    ).to.have.length(1);
  });
});
