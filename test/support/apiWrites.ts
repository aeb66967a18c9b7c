import type { RunningEmulators } from "../../emulator";

/** The write requests each emulated API has received so far (token requests and the control API left out). */
export async function apiWrites(emulators: RunningEmulators): Promise<{ acronis: string[]; hcp: string[] }> {
  const acronis = (await (await fetch(new URL("/_emulator/requests", emulators.acronis.baseUrl))).json()) as {
    items: { method: string; path: string }[];
  };
  const writes = (entries: { method: string; path: string }[]) =>
    entries
      .filter((e) => !["GET", "HEAD"].includes(e.method))
      .filter((e) => !e.path.endsWith("/idp/token") && !e.path.startsWith("/_emulator"))
      .map((e) => `${e.method} ${e.path}`);
  return { acronis: writes(acronis.items), hcp: writes(emulators.log.list("hcp")) };
}
