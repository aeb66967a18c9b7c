import type { FaultSettings } from "./core/faults";
import type { RequestLog } from "./core/requestLog";

/** Options every emulator server takes. */
export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Always 127.0.0.1 unless a test says otherwise. */
  host: string;
  /** Added to every answer, to model a distant API. */
  latencyMs: number;
  /** When set, the state is loaded from this JSON file at start (if it exists) and saved after every change. */
  stateFile?: string;
  /** Shared log of every request, served under /_emulator/requests. */
  log: RequestLog;
  /** Fault injection into API requests at start (none when absent); POST /_emulator/faults changes it later. */
  faults?: FaultSettings;
}

/** What the Acronis emulator announces in the ready line. */
export interface AcronisInfo {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  partnerTenantId: string;
}

/** What the HCP emulator announces in the ready line. */
export interface HcpInfo {
  url: string;
  domain: string;
  username: string;
  password: string;
  caCertPath: string;
}

export interface RunningServer<Info> {
  info: Info;
  close(): Promise<void>;
}
