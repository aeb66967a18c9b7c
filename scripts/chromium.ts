import { accessSync, constants } from "node:fs";
import { type Browser, launch } from "puppeteer-core";

/** Debian's `chromium` package puts the browser here; /usr/bin/chromium is a shell wrapper around it. */
const debianChromium = "/usr/lib/chromium/chromium";

/** The Chromium to drive: `TENANT_ESTATES_CHROMIUM`, or Debian's; a clear error saying how to get one. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.TENANT_ESTATES_CHROMIUM;
  const file = chosen !== undefined && chosen !== "" ? chosen : debianChromium;
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    const what =
      file === chosen ? `TENANT_ESTATES_CHROMIUM names ${file}, not an executable` : `no Chromium at ${file}`;
    throw new Error(
      `${what}: install Debian's chromium (sudo apt-get install -y --no-install-recommends chromium) ` +
        "or set TENANT_ESTATES_CHROMIUM to a Chromium or Chrome executable",
    );
  }
}

/** Headless Chromium with a throwaway profile; no sandbox when running as root (containers, CI). */
export function launchChromium(): Promise<Browser> {
  const asRoot = process.getuid?.() === 0;
  return launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...(asRoot ? ["--no-sandbox"] : []), "--disable-gpu", "--no-first-run", "--hide-scrollbars"],
  });
}
