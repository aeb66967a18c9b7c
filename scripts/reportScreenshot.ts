import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./chromium";

/** The width a report is read at: the table's nine columns and two charts side by side. */
const width = 1400;

/** Renders a report's HTML file to a PNG of the whole page, once its charts are drawn. */
export async function reportScreenshot(htmlFile: string, pngFile: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(path.resolve(htmlFile)).href, { waitUntil: "load" });
    await page.waitForSelector("body[data-charts-drawn]", { timeout: 30_000 });
    await page.screenshot({ path: path.resolve(pngFile) as `${string}.png`, fullPage: true });
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  const [html, png] = process.argv.slice(2);
  if (html === undefined || png === undefined || !png.endsWith(".png")) {
    console.error("usage: report-screenshot.sh REPORT.html OUT.png");
    process.exit(2);
  }
  reportScreenshot(html, png).then(
    () => console.log(png),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
