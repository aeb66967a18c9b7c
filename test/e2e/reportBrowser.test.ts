import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import type { Browser, Page } from "puppeteer-core";
import { renderHtml } from "../../cli/report/html";
import { launchChromium } from "../../scripts/chromium";
import { hostileName, sampleReport } from "../support/reportSample";

/** What the page's functions use of the browser: the project compiles without the DOM library. */
declare function getComputedStyle(element: unknown): { backgroundColor: string; color: string };
interface Canvas {
  width: number;
  height: number;
  getContext(kind: "2d"): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}

/** The tenants' names as the table shows them, top to bottom. */
const shownNames = (page: Page) =>
  page.$$eval("#tenants tbody tr .tenant-name", (cells) => cells.map((c) => c.textContent));

const sortStates = (page: Page) =>
  page.$$eval("#tenants thead th[aria-sort]", (headers) =>
    headers.map((h) => `${h.textContent?.trim()}: ${h.getAttribute("aria-sort")}`),
  );

describe("the report's HTML in a real browser (headless Chromium)", function () {
  this.timeout(120_000);
  const report = sampleReport();
  const dir = mkdtempSync(path.join(tmpdir(), "tenant-estates-report-"));
  const file = path.join(dir, "report.html");
  const url = pathToFileURL(file).href;
  const otherRequests: string[] = [];
  const problems: string[] = [];
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    writeFileSync(file, renderHtml(report));
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (request.url() === url) return void request.continue();
      otherRequests.push(request.url());
      void request.abort();
    });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warn") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(String(error)));
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("body[data-charts-drawn]", { timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
  });

  it("loads nothing but the file itself, and runs with no error and nothing its policy refuses", () => {
    expect(otherRequests).to.deep.equal([]);
    expect(problems).to.deep.equal([]);
  });

  it("shows the summary's figures, and usage against quota by package", async () => {
    const figures = await page.$$eval(".figure", (all) =>
      all.map((f) => `${f.querySelector("dt")?.textContent}: ${f.querySelector("dd")?.textContent}`),
    );
    expect(figures).to.deep.equal([
      "Customers: 9",
      "HCP tenants: 3",
      "Over quota: 1",
      "Near quota (≥ 90 %): 1",
      "Trials ending within 30 days: 1",
      "Two-factor off: 1",
      "Disabled: 1",
      "Drifted: 1",
      "Data unknown: 0",
      "Declared, not found: 0",
    ]);
    const packages = await page.$$eval("table.packages tbody tr", (rows) =>
      rows.map((r) => (r as unknown as { innerText: string }).innerText.replace(/\s+/g, " ").trim()),
    );
    expect(packages).to.deep.equal([
      "backup-basic 4 Acronis storage 560.00 GB of 4.00 TB (14 %) Acronis workstations 12 of 40 (30 %)",
      "backup-pro 5 Acronis servers 3, no quota Acronis storage 10.50 TB of 25.00 TB (42 %) Acronis workstations 53 of 100 (53 %)",
      "hcp-archive 3 HCP storage 547.50 GB of 1.07 TB (50 %)",
    ]);
  });

  it("shows one row per tenant, a hostile name as text and no markup of its own", async () => {
    expect(await shownNames(page)).to.deep.equal(report.rows.map((r) => r.name));
    expect(await page.$$eval("b, i", (found) => found.length)).to.equal(0);
    expect(await page.$$eval("script", (found) => found.length)).to.equal(3);
    const hostileRow = await page.$$eval(
      "#tenants tbody tr",
      (rows, name) =>
        rows.find((r) => r.querySelector(".tenant-name")?.textContent === name)?.cells[3]?.textContent,
      hostileName,
    );
    expect(hostileRow).to.equal("Reseller North › <i>Folder</i>");
  });

  it("flags the over-quota row: its own background, a badge and its item in the over colour", async () => {
    const over = await page.$$eval("#tenants tbody tr.over", (rows) =>
      rows.map((r) => ({
        name: r.querySelector(".tenant-name")?.textContent,
        background: getComputedStyle(r).backgroundColor,
        badges: [...r.querySelectorAll(".badge")].map((b) => b.textContent),
        overItems: [...r.querySelectorAll(".state-over")].map((i) => i.textContent),
        overColour: getComputedStyle(r.querySelector(".state-over")).color,
      })),
    );
    expect(over).to.deep.equal([
      {
        name: "Beta Law",
        background: "rgb(253, 232, 231)",
        badges: ["over quota"],
        overItems: ["storage: 5.50 TB of 5.00 TB (110 %)"],
        overColour: "rgb(180, 35, 24)",
      },
    ]);
    const plainBackground = await page.$eval(
      "#tenants tbody tr:first-child",
      (r) => getComputedStyle(r).backgroundColor,
    );
    expect(plainBackground).to.equal("rgba(0, 0, 0, 0)");
  });

  it("sorts by a column on a click, numerically, and reverses on the next; by keyboard too", async () => {
    const byUse = [
      "Eta Closed",
      "Delta Trial",
      "invoices",
      hostileName,
      "Epsilon Shop",
      "Zeta Works",
      "media",
      "Alpha Dental",
      "Theta Labs",
      "archive",
      "Gamma Care",
      "Beta Law",
    ];
    await page.click("th button[data-column='4']");
    expect(await shownNames(page)).to.deep.equal(byUse);
    expect((await sortStates(page)).filter((s) => !s.endsWith(": none"))).to.deep.equal([
      "Highest use: ascending",
    ]);
    await page.click("th button[data-column='4']");
    expect(await shownNames(page)).to.deep.equal([...byUse].reverse());
    expect((await sortStates(page)).filter((s) => !s.endsWith(": none"))).to.deep.equal([
      "Highest use: descending",
    ]);
    await page.focus("th button[data-column='0']");
    await page.keyboard.press("Enter");
    expect(await shownNames(page)).to.deep.equal([
      "Alpha Dental",
      "archive",
      "Beta Law",
      "Delta Trial",
      "Epsilon Shop",
      "Eta Closed",
      hostileName,
      "Gamma Care",
      "invoices",
      "media",
      "Theta Labs",
      "Zeta Works",
    ]);
    expect(await sortStates(page))
      .to.include("Tenant: ascending")
      .and.to.include("Highest use: none");
  });

  it("draws one chart per package, each with its bars in the colour of their state", async () => {
    const charts = await page.$$eval(".chart", (figures) =>
      figures.map((figure) => {
        const canvas = figure.querySelector("canvas") as unknown as Canvas;
        const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        let withinGreen = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3]! > 0) painted += 1;
          if (data[i] === 26 && data[i + 1] === 127 && data[i + 2] === 55 && data[i + 3] === 255)
            withinGreen += 1;
        }
        return { title: figure.querySelector("figcaption")?.textContent, painted, withinGreen };
      }),
    );
    expect(charts.map((c) => c.title)).to.deep.equal([
      "backup-basic (4 tenants)",
      "backup-pro (5 tenants)",
      "hcp-archive (3 tenants)",
    ]);
    expect(charts).to.have.length(report.summary.byPackage.length);
    for (const chart of charts) {
      expect(chart.painted, chart.title ?? "").to.be.greaterThan(1000);
      expect(chart.withinGreen, chart.title ?? "").to.be.greaterThan(100);
    }
  });

  it("saves a screenshot of the whole page", async () => {
    const png = path.join(dir, "report.png");
    await page.screenshot({ path: png, fullPage: true });
    console.log(`      screenshot: ${png}`);
    expect(readFileSync(png).subarray(1, 4).toString()).to.equal("PNG");
  });
});
