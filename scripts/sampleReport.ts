import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Report } from "../cli/report/model";
import { startEmulators } from "../emulator";
import { emulatorEnvironment } from "../test/support/exportCli";
import { reportScreenshot } from "./reportScreenshot";

/**
 * The sample estate's report for docs/report.png: the emulators with the state `npm run demo` left in .work/demo,
 * one customer put over a quota and one near it through the control API, then `tenant-estates report` and a
 * screenshot of its HTML.
 */
async function main(png: string): Promise<void> {
  const root = path.resolve(__dirname, "../..");
  const work = path.join(root, ".work/demo");
  const emulators = await startEmulators({ stateFile: path.join(work, "emulator") });
  const env = { ...process.env, ...emulatorEnvironment(emulators) };
  const report = (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, "dist/cli/main.js"), "report", ...args], {
        env,
      });
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.pipe(process.stderr);
      child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`report exited ${code}`))));
    });
  try {
    // Relative, so the page names the file as the repository does.
    const estateFile = "estate.yaml";
    const rows = (JSON.parse(await report("--format", "json", estateFile)) as Report).rows.filter(
      (r) => r.api === "acronis" && r.items.some((i) => i.name === "workstations" && i.quota !== null),
    );
    // The first such customer 20 % over its workstations quota, the second at 95 % of it.
    for (const [row, factor] of [
      [rows[0], 1.2],
      [rows[1], 0.95],
    ] as const) {
      if (!row) continue;
      const quota = row.items.find((i) => i.name === "workstations")?.quota ?? 0;
      const answer = await fetch(new URL(`/_emulator/tenants/${row.id}/usages`, emulators.acronis.baseUrl), {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ items: [{ name: "workstations", value: Math.ceil(quota * factor) }] }),
      });
      if (!answer.ok) throw new Error(`setting ${row.name}'s usage: ${answer.status} ${await answer.text()}`);
    }
    const html = path.join(work, "report.html");
    writeFileSync(html, await report("--format", "html", estateFile));
    await reportScreenshot(html, png);
    console.log(png);
  } finally {
    await emulators.close();
  }
}

main(process.argv[2] ?? "docs/report.png").catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
