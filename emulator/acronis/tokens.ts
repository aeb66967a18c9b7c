/** Issued credentials: access and refresh tokens, one-time tokens, and sign-in sessions. In memory only. */
import { randomBytes, randomUUID } from "node:crypto";
import type { Caller } from "./model";

interface Issued {
  caller: Caller;
  expiresAtMs: number;
}

/** Tokens live in memory only: they are secrets, so neither the state file nor the dump holds them. */
export class TokenBook {
  private readonly tokens = new Map<string, Issued>();
  private readonly refreshTokens = new Map<string, Caller>();
  private readonly oneTimeTokens = new Map<string, { userId: string; expiresAtMs: number }>();
  private readonly sessions = new Map<string, Issued>();

  /** An access token for `caller`, valid `ttlSeconds`, or until `expiresOn` (unix s) when given. */
  issue(
    caller: Caller,
    ttlSeconds: number,
    now: Date,
    expiresOn?: number,
  ): { token: string; expiresOn: number } {
    const until = expiresOn ?? Math.floor(now.getTime() / 1000) + ttlSeconds;
    const token = jwtShaped({
      sub: caller.userId ?? caller.clientId,
      tid: caller.tenantId,
      exp: until,
      jti: randomUUID(),
    });
    this.tokens.set(token, { caller: { ...caller }, expiresAtMs: until * 1000 });
    return { token, expiresOn: until };
  }

  /** The caller and expiry of a live token; undefined when unknown or expired. */
  lookup(token: string, now: Date): (Issued & { expiresOn: number }) | undefined {
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAtMs <= now.getTime()) return undefined;
    return { ...issued, expiresOn: Math.floor(issued.expiresAtMs / 1000) };
  }

  /** Whether the token was issued here at all (expired ones included), to word the 401. */
  known(token: string): boolean {
    return this.tokens.has(token);
  }

  newRefreshToken(caller: Caller): string {
    const token = randomBytes(32).toString("base64url");
    this.refreshTokens.set(token, { ...caller });
    return token;
  }

  refreshCaller(token: string): Caller | undefined {
    return this.refreshTokens.get(token);
  }

  newOneTimeToken(userId: string, ttlSeconds: number, now: Date): string {
    const ott = randomBytes(32).toString("base64");
    this.oneTimeTokens.set(ott, { userId, expiresAtMs: now.getTime() + ttlSeconds * 1000 });
    return ott;
  }

  /** The user of a one-time token, which is used up by this call; undefined when unknown, used or expired. */
  redeemOneTimeToken(ott: string, now: Date): string | undefined {
    const entry = this.oneTimeTokens.get(ott);
    this.oneTimeTokens.delete(ott);
    return entry && entry.expiresAtMs > now.getTime() ? entry.userId : undefined;
  }

  openSession(caller: Caller, ttlSeconds: number, now: Date): string {
    const id = randomBytes(24).toString("base64url");
    this.sessions.set(id, { caller: { ...caller }, expiresAtMs: now.getTime() + ttlSeconds * 1000 });
    return id;
  }

  session(id: string, now: Date): Caller | undefined {
    const session = this.sessions.get(id);
    return session && session.expiresAtMs > now.getTime() ? session.caller : undefined;
  }

  closeSession(id: string): void {
    this.sessions.delete(id);
  }

  /** Makes every token and session issued so far expired (POST /_emulator/expire-tokens). */
  expireAll(now: Date): void {
    for (const issued of [...this.tokens.values(), ...this.sessions.values()])
      issued.expiresAtMs = Math.min(issued.expiresAtMs, now.getTime() - 1);
  }
}

/** Looks like the platform's JWTs (`eyJ…`); the signature part is random, nobody verifies it. */
export function jwtShaped(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part({ iss: "acronis-emulator", ...claims })}.${randomBytes(32).toString("base64url")}`;
}
