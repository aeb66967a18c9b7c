/**
 * The exchanges a process checked and the violations found. On when TENANT_ESTATES_CONTRACT_CHECK is set
 * (the test command sets it); with TENANT_ESTATES_CONTRACT_DIR, each process also leaves its tally there.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ContractChecker, Exchange } from "./checker";

export type Api = "acronis" | "hcp";

export interface Tally {
  exchanges: Record<Api, number>;
  violations: string[];
}

/** Requests from the provider carry this User-Agent prefix; theirs must always conform. */
export const PROVIDER_AGENT_PREFIX = "tenant-estates/";

export class ContractLedger {
  private readonly tally: Tally = { exchanges: { acronis: 0, hcp: 0 }, violations: [] };

  /**
   * Checks one exchange. The provider's requests must conform; any other request the contract refuses must
   * be refused with a 4xx (an emulator that accepts it is more lenient than the platform); every answer
   * must conform.
   */
  record(api: Api, checker: ContractChecker, exchange: Exchange): string[] {
    this.tally.exchanges[api] += 1;
    const found: string[] = [];
    const requestProblems = checker.checkRequest(exchange);
    if (requestProblems.length > 0) {
      if (fromProvider(exchange)) found.push(...requestProblems.map((p) => `provider sent: ${p}`));
      else if (exchange.status < 400 || exchange.status >= 500)
        found.push(...requestProblems.map((p) => `emulator accepted (${exchange.status}): ${p}`));
    }
    found.push(...checker.checkResponse(exchange).map((p) => `emulator answered: ${p}`));
    this.tally.violations.push(...found.map((v) => `${api} ${v}`));
    return found;
  }

  snapshot(): Tally {
    return { exchanges: { ...this.tally.exchanges }, violations: [...this.tally.violations] };
  }

  /** Leaves this process's tally in the directory the test command gave, for its closing summary. */
  persist(): void {
    const dir = process.env.TENANT_ESTATES_CONTRACT_DIR;
    if (dir) writeFileSync(join(dir, `tally-${process.pid}.json`), JSON.stringify(this.tally));
  }
}

function fromProvider(exchange: Exchange): boolean {
  const agent = exchange.requestHeaders["user-agent"];
  return typeof agent === "string" && agent.startsWith(PROVIDER_AGENT_PREFIX);
}

/** The process's ledger, or undefined when checking is off. */
export const contractLedger: ContractLedger | undefined = process.env.TENANT_ESTATES_CONTRACT_CHECK
  ? new ContractLedger()
  : undefined;
