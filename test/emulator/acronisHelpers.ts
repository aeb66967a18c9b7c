/** A small HTTP client for the Acronis emulator tests: one running server, Node's fetch, JSON in and out. */

import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";

export const SEED_PARTNER_ID = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
export const BACKUP_APP = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb";
export const PLATFORM_APP = "7459244f-68f3-3bf4-9f53-5f63ecc1d91f";
export const STORAGE_INFRA = "019097a6-114f-4418-bd54-e01ef049f209";
export const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
  body: any;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** false = no Authorization header. */
  auth?: boolean;
}

export class AcronisTestClient {
  token = "";

  constructor(
    readonly server: RunningServer<AcronisInfo>,
    readonly log: RequestLog,
  ) {}

  get info(): AcronisInfo {
    return this.server.info;
  }

  /** http://127.0.0.1:<port> */
  get origin(): string {
    return new URL(this.info.baseUrl).origin;
  }

  static async start(options: { latencyMs?: number; stateFile?: string } = {}): Promise<AcronisTestClient> {
    const log = new RequestLog();
    const server = await startAcronisEmulator({
      port: 0,
      host: "127.0.0.1",
      latencyMs: options.latencyMs ?? 0,
      stateFile: options.stateFile,
      log,
    });
    return new AcronisTestClient(server, log);
  }

  basicAuth(id = this.info.clientId, secret = this.info.clientSecret): string {
    return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
  }

  async requestToken(
    authorization = this.basicAuth(),
    form = "grant_type=client_credentials",
  ): Promise<Answer> {
    return this.send(`${this.info.baseUrl}/idp/token`, "POST", {
      rawBody: form,
      auth: false,
      headers: { Authorization: authorization, "Content-Type": "application/x-www-form-urlencoded" },
    });
  }

  async login(): Promise<void> {
    const answer = await this.requestToken();
    if (answer.status !== 200) throw new Error(`token request failed with ${answer.status}`);
    this.token = answer.body.access_token;
  }

  /** A call to the API; `path` is relative to /api/2. */
  api(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    return this.send(`${this.info.baseUrl}${path}`, method, options);
  }

  /** A call to /_emulator/…, without authentication. */
  control(method: string, path: string, body?: unknown): Promise<Answer> {
    return this.send(`${this.origin}/_emulator${path}`, method, { body, auth: false });
  }

  async reset(): Promise<void> {
    await this.control("POST", "/reset");
  }

  private async send(url: string, method: string, options: CallOptions): Promise<Answer> {
    const headers: Record<string, string> = {};
    const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.auth !== false) headers.Authorization = `Bearer ${this.token}`;
    const response = await fetch(url, { method, headers: { ...headers, ...options.headers }, body: text });
    const raw = await response.text();
    return {
      status: response.status,
      body: raw === "" ? undefined : JSON.parse(raw),
      headers: response.headers,
    };
  }

  // ---- shortcuts for setting up fixtures ----

  async createTenant(body: Record<string, unknown>): Promise<Answer> {
    return this.api("POST", "/tenants", {
      body: { parent_id: this.info.partnerTenantId, kind: "customer", ...body },
    });
  }

  async createCustomer(name: string): Promise<string> {
    const answer = await this.createTenant({ name });
    if (answer.status !== 201) throw new Error(`creating ${name} failed: ${JSON.stringify(answer.body)}`);
    return answer.body.id;
  }

  async createUser(tenantId: string, login: string): Promise<Answer> {
    return this.api("POST", "/users", {
      body: { tenant_id: tenantId, login, contact: { email: `${login.toLowerCase()}@example.com` } },
    });
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}
