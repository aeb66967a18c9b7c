import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** `tenant-estates/<version>`: says which client made a request, in the vendors' logs and the emulators' checks. */
export const userAgent: string = (() => {
  try {
    const manifest = resolve(__dirname, "../../../package.json");
    const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name: string; version: string };
    return `${name}/${version}`;
  } catch {
    return "tenant-estates/unknown";
  }
})();
