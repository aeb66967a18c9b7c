import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { RunningEmulators } from "../../emulator";

/** The providers' environment settings for the emulators, as a user exports them for the command. */
export function emulatorEnvironment(emulators: RunningEmulators): NodeJS.ProcessEnv {
  return {
    ACRONIS_BASE_URL: emulators.acronis.baseUrl,
    ACRONIS_CLIENT_ID: emulators.acronis.clientId,
    ACRONIS_CLIENT_SECRET: emulators.acronis.clientSecret,
    HCP_DOMAIN: emulators.hcp.domain,
    HCP_PORT: new URL(emulators.hcp.url).port,
    HCP_ADDRESS: "127.0.0.1",
    HCP_CA_CERT: readFileSync(emulators.hcp.caCertPath, "utf8"),
    HCP_USERNAME: emulators.hcp.username,
    HCP_PASSWORD: emulators.hcp.password,
  };
}

/**
 * Runs a command with the emulators' settings in its environment. Not spawnSync: the emulators answer
 * from this process's event loop.
 */
export function runWithEmulators(
  emulators: RunningEmulators,
  command: string,
  args: string[],
  options: { cwd?: string; path?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, ...emulatorEnvironment(emulators), ...options.env };
  if (options.path) env.PATH = options.path;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: options.cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
