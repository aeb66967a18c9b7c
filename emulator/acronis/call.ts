/** What an API handler gets (one parsed, authenticated request) and what it gives back. */
import type { AcronisState, Caller, EmulatorConfig } from "./model";
import type { TokenBook } from "./tokens";

export interface Call {
  state: AcronisState;
  config: EmulatorConfig;
  caller: Caller;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  now: Date;
  /** The credentials issued so far (one-time tokens are made by an API call). */
  tokens: TokenBook;
}

export interface Reply {
  status: number;
  /** Serialised as JSON; absent for 204. */
  body?: unknown;
}

export type ApiHandler = (call: Call) => Reply;

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });
