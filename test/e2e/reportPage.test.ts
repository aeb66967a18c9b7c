import { mkdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import type { Report } from "../../cli/report/model";
import { launchChromium } from "../../scripts/chromium";
import type { TestStack } from "../support/engine";
import { reportHtmlFile } from "../support/reportArtifacts";
import { runReport, useReportEstate } from "../support/reportEstate";

describe("end to end on the real engine: the usage and quota report's page, in a browser", function () {
  this.timeout(600_000);
  const fixture = useReportEstate("report-page");
  let stack: TestStack;
  before(() => {
    ({ stack } = fixture);
  });
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  const report = (...args: string[]) => runReport(fixture, ...args);

  it("writes the HTML page to a file", async () => {
    mkdirSync(path.dirname(reportHtmlFile), { recursive: true });
    const html = await report("--format", "html", "--out", reportHtmlFile, estateFile());
    expect(html.status, html.stderr).to.equal(0);
    expect(html.stdout).to.equal("");
    expect(readFileSync(reportHtmlFile, "utf8")).to.contain("Within Co");
  });

  it("the HTML it wrote shows a person the summary, one row per tenant, the over-quota row flagged and the charts drawn", async () => {
    const json = JSON.parse((await report("--format", "json", estateFile())).stdout) as Report;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(reportHtmlFile).href, { waitUntil: "load" });
      await page.waitForSelector("body[data-charts-drawn]", { timeout: 20_000 });
      const figures = await page.$$eval(".figure", (all) =>
        all.map((f) => `${f.querySelector("dt")?.textContent}: ${f.querySelector("dd")?.textContent}`),
      );
      expect(figures).to.deep.equal([
        "Customers: 4",
        "HCP tenants: 1",
        "Over quota: 1",
        "Near quota (≥ 90 %): 2",
        `Trials ending within 30 days: ${json.summary.trialsEndingSoon}`,
        "Two-factor off: 2",
        "Disabled: 0",
        "Drifted: 1",
        "Data unknown: 0",
        "Declared, not found: 0",
      ]);
      expect(
        await page.$$eval("#tenants tbody tr .tenant-name", (cells) => cells.map((c) => c.textContent)),
      ).to.deep.equal(["Near Co", "Over Co", "Stray Co", "Within Co", "vault"]);
      expect(
        await page.$$eval("#tenants tbody tr.over", (rows) =>
          rows.map((r) => [
            r.querySelector(".tenant-name")?.textContent,
            [...r.querySelectorAll(".badge")].map((b) => b.textContent).includes("over quota"),
          ]),
        ),
      ).to.deep.equal([["Over Co", true]]);
      // One chart per package with items (the undeclared customer's has none), each with painted pixels.
      const painted = await page.$$eval(".chart canvas", (canvases) =>
        canvases.map((c) => {
          const canvas = c as unknown as {
            width: number;
            height: number;
            getContext(kind: "2d"): {
              getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
            };
          };
          const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
          let count = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
          return count;
        }),
      );
      expect(painted).to.have.length(3);
      for (const pixels of painted) expect(pixels).to.be.greaterThan(1000);
    } finally {
      await browser.close();
    }
  });
});
