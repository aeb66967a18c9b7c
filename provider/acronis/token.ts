import type { Transport } from "../core/transport";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

interface TokenAnswer {
  access_token: string;
  expires_on?: number;
  expires_in?: number;
}

/** Renew this long before expiry, so no request carries a token that dies in flight. */
const renewMarginMs = 60_000;

/**
 * One OAuth2 client-credentials token per client, shared by every concurrent request:
 * one request in flight at a time, renewed before expiry and on demand after a 401.
 */
export class TokenSource {
  private current?: { token: string; expiresAtMs: number };
  private pending?: Promise<string>;

  constructor(
    private readonly transport: Transport,
    private readonly credentials: ClientCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token, fetched only when none is held or it is about to expire. */
  async token(): Promise<string> {
    if (this.current && this.current.expiresAtMs - renewMarginMs > this.now()) return this.current.token;
    return this.renew();
  }

  /** Drops the held token (after a 401) unless it was already replaced, and fetches a fresh one. */
  async renewAfterRejection(rejected: string): Promise<string> {
    if (this.current?.token === rejected) this.current = undefined;
    return this.token();
  }

  private renew(): Promise<string> {
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const basic = Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString(
      "base64",
    );
    const answer = await this.transport.send<TokenAnswer>({
      method: "POST",
      path: "/idp/token",
      data: new URLSearchParams({ grant_type: "client_credentials" }).toString(),
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
      // Asking for a token twice is harmless.
      idempotent: true,
      operation: "POST /idp/token",
    });
    const expiresAtMs = tokenExpiryMs(answer.data, this.now());
    this.current = { token: answer.data.access_token, expiresAtMs };
    return answer.data.access_token;
  }
}

/** Acronis answers `expires_on` (unix seconds); `expires_in` is accepted too; two hours otherwise (documented lifetime). */
export function tokenExpiryMs(answer: { expires_on?: number; expires_in?: number }, nowMs: number): number {
  if (typeof answer.expires_on === "number") return answer.expires_on * 1000;
  if (typeof answer.expires_in === "number") return nowMs + answer.expires_in * 1000;
  return nowMs + 7200 * 1000;
}
