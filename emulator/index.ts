import { startAcronisEmulator } from "./acronis/server";
import { type FaultSettings, faultSettings } from "./core/faults";
import { RequestLog } from "./core/requestLog";
import { startHcpEmulator } from "./hcp/server";
import type { AcronisInfo, HcpInfo } from "./types";

export type { AcronisInfo, HcpInfo } from "./types";

export interface EmulatorOptions {
  acronisPort?: number;
  hcpPort?: number;
  latencyMs?: number;
  /** One file holds both APIs' state: `<path>.acronis.json` and `<path>.hcp.json` are derived from it. */
  stateFile?: string;
  host?: string;
  /** Fault injection into API requests: rate 0..1 (default 0, off), seed (default 1), kinds (default all), slowMs (default 1500), path (default "", every request). */
  faults?: Partial<FaultSettings>;
}

export interface RunningEmulators {
  acronis: AcronisInfo;
  hcp: HcpInfo;
  log: RequestLog;
  close(): Promise<void>;
}

/** Starts both emulators on loopback and resolves once both listen. */
export async function startEmulators(options: EmulatorOptions = {}): Promise<RunningEmulators> {
  const log = new RequestLog();
  const faults = faultSettings(options.faults ?? {});
  const common = { host: options.host ?? "127.0.0.1", latencyMs: options.latencyMs ?? 0, log };
  const acronis = await startAcronisEmulator({
    ...common,
    port: options.acronisPort ?? 0,
    stateFile: options.stateFile ? `${options.stateFile}.acronis.json` : undefined,
    faults,
  });
  const hcp = await startHcpEmulator({
    ...common,
    port: options.hcpPort ?? 0,
    stateFile: options.stateFile ? `${options.stateFile}.hcp.json` : undefined,
    // Choice: HCP's plan is seeded with seed + 1, so the two emulators' fault sequences are independent.
    faults: { ...faults, seed: faults.seed + 1 },
  });
  return {
    acronis: acronis.info,
    hcp: hcp.info,
    log,
    close: async () => {
      await Promise.all([acronis.close(), hcp.close()]);
    },
  };
}
