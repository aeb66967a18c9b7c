/** One line of an emulator's request log, served under /_emulator/requests. */
export interface LoggedRequest {
  seq: number;
  at: string;
  api: "acronis" | "hcp";
  method: string;
  path: string;
  query: string;
  status: number;
  /** Set when the fault injector (not the API logic) produced or altered the answer. */
  fault?: string;
}

/** An append-only request log shared by the emulators of one process. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private seq = 0;

  record(entry: Omit<LoggedRequest, "seq" | "at">): LoggedRequest {
    const logged = { seq: ++this.seq, at: new Date().toISOString(), ...entry };
    this.entries.push(logged);
    return logged;
  }

  list(api?: LoggedRequest["api"]): LoggedRequest[] {
    return api ? this.entries.filter((e) => e.api === api) : [...this.entries];
  }

  /** Forgets the entries of one API (all when none is given); the other emulator's entries stay. */
  clear(api?: LoggedRequest["api"]): void {
    const kept = api ? this.entries.filter((e) => e.api !== api) : [];
    this.entries.splice(0, this.entries.length, ...kept);
  }
}
