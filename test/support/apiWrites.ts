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

/**
 * Whether a write is one adoption makes to leave the stack's ownership mark: a PUT of an Acronis tenant or
 * user itself, a POST of an HCP tenant or namespace itself. Tests count these apart from every other write,
 * and prove with a read-only export or an empty refreshed plan that no managed property changed.
 */
export const isMarkWrite = (write: string): boolean =>
  /^(PUT \/api\/2\/(tenants|users)\/[^/]+|POST \/mapi\/tenants\/[^/]+(\/namespaces\/[^/]+)?)$/.test(write);
