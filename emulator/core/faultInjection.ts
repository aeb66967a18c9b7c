/** The one fault-injection layer both emulators put between an API request and its answer. */
import type { ServerResponse } from "node:http";
import { TLSSocket } from "node:tls";
import { FAULT_KINDS, type FaultKind, FaultPlan, type FaultSettings } from "./faults";
import type { LoggedRequest, RequestLog } from "./requestLog";
import { type EmulatorResponse, sleep, writeResponse } from "./router";

/** The statuses the injector answers with, without running the API logic. */
export type FaultStatus = 429 | 500 | 503;

/** An API's own error answer for a status, with `reason` where that API puts its error text. */
export type FailureAnswer = (status: FaultStatus, reason: string) => EmulatorResponse;

/** One request on its way to an answer. */
export interface Exchange {
  res: ServerResponse;
  /** Runs the API logic: afterwards the request is applied (and persisted). */
  run: () => Promise<EmulatorResponse>;
  /** The log line, less what the answer decides. */
  entry: Omit<LoggedRequest, "seq" | "at" | "status" | "fault">;
}

/** What GET /_emulator/faults shows: the settings, the requests drawn for and the faults injected per kind. */
export interface FaultReport extends FaultSettings {
  requests: number;
  injected: Record<FaultKind, number>;
}

const FAULT_STATUS: Partial<Record<FaultKind, FaultStatus>> = { "500": 500, "503": 503, "429": 429 };

export class FaultInjector {
  private plan: FaultPlan;
  private requests = 0;
  private injected = noFaults();

  constructor(
    private current: FaultSettings,
    private readonly options: { failure: FailureAnswer; log: RequestLog; latencyMs: number },
  ) {
    this.plan = new FaultPlan(current);
  }

  get settings(): FaultSettings {
    return this.current;
  }

  // Choice: new settings restart the decision sequence from their seed and zero the counts, so a run can be replayed.
  configure(settings: FaultSettings): void {
    this.current = settings;
    this.plan = new FaultPlan(settings);
    this.requests = 0;
    this.injected = noFaults();
  }

  report(): FaultReport {
    return { ...this.current, requests: this.requests, injected: { ...this.injected } };
  }

  /** Answers an API request with the fault the plan draws for it, if any; requests off the path or method never draw. */
  serveApi(exchange: Exchange): Promise<void> {
    const { path, method } = this.current;
    const { entry } = exchange;
    if (!entry.path.includes(path) || (method !== "" && entry.method !== method))
      return this.serve(exchange, undefined);
    this.requests++;
    const fault = this.plan.next();
    if (fault) this.injected[fault]++;
    return this.serve(exchange, fault);
  }

  /** Answers a control request: it never draws and never gets a fault. */
  serveControl(exchange: Exchange): Promise<void> {
    return this.serve(exchange, undefined);
  }

  private async serve({ res, run, entry }: Exchange, fault: FaultKind | undefined): Promise<void> {
    const { log, latencyMs } = this.options;
    const status = fault && FAULT_STATUS[fault];
    if (status) {
      const answer = this.failure(status);
      log.record({ ...entry, status, fault });
      await sleep(latencyMs);
      writeResponse(res, answer);
      return;
    }
    if (fault === "reset-before") {
      // Choice: a reset is logged with status 0 when nothing ran, and with the handler's status after reset-after.
      log.record({ ...entry, status: 0, fault });
      await sleep(latencyMs);
      reset(res);
      return;
    }
    const answer = await run();
    log.record({ ...entry, status: answer.status, ...(fault ? { fault } : {}) });
    await sleep(latencyMs + (fault === "slow" ? this.current.slowMs : 0));
    if (fault === "reset-after") reset(res);
    else writeResponse(res, answer);
  }

  /** A 500, 503 or 429 in the API's own shape; 503 and 429 say when to come back. */
  private failure(status: FaultStatus): EmulatorResponse {
    const answer = this.options.failure(status, `${REASONS[status]} (fault injected by the emulator)`);
    if (status === 500) return answer;
    return { ...answer, headers: { ...answer.headers, "Retry-After": this.retryAfter(status) } };
  }

  // Choice: 429s alternate between Retry-After "1" and an HTTP-date one second ahead (odd ones the seconds form), so clients parse both.
  private retryAfter(status: 429 | 503): string {
    if (status === 503 || this.injected["429"] % 2 === 1) return "1";
    return new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString();
  }
}

const REASONS: Record<FaultStatus, string> = {
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

const noFaults = (): Record<FaultKind, number> =>
  Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;

// Choice: a reset is a TCP RST on plain HTTP; under TLS (HCP) the connection is closed with no answer, which clients also see as ECONNRESET.
function reset(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  if (socket instanceof TLSSocket) socket.destroy();
  else socket.resetAndDestroy();
}
