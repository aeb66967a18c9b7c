/** What the HCP namespace and user-account emulator tests share: one server, tenants, callers. */

import { expect } from "chai";
import { RequestLog } from "../../emulator/core/requestLog";
import { startHcpEmulator } from "../../emulator/hcp/server";
import type { HcpInfo, RunningServer } from "../../emulator/types";
import { type HcpAnswer, HcpApi, hcpToken } from "../support/hcpApi";

export const SECURITY_PASSWORD = "Start-123-sec";
export const USER_PASSWORD = "pass1234";

/** One tenant-level account: MAPI calls as it, at <tenant>.<domain>. */
export type Caller = (method: string, path: string, body?: unknown) => Promise<HcpAnswer>;

export class HcpFixture {
  private constructor(
    readonly server: RunningServer<HcpInfo>,
    readonly api: HcpApi,
    readonly log: RequestLog,
  ) {}

  static async start(): Promise<HcpFixture> {
    const log = new RequestLog();
    const server = await startHcpEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log });
    return new HcpFixture(server, new HcpApi(server.info), log);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  reset(): Promise<unknown> {
    return this.api.control("POST", "/_emulator/reset");
  }

  /** A tenant made by the system administrator, with the SECURITY user "security". */
  async tenant(name: string, properties: Record<string, unknown> = {}): Promise<void> {
    const answer = await this.api.admin(
      "PUT",
      `/mapi/tenants?username=security&password=${SECURITY_PASSWORD}`,
      {
        name,
        hardQuota: "100 GB",
        ...properties,
      },
    );
    expect(answer.status, answer.error).to.equal(200);
  }

  /** A caller signed in as `username` of `tenant`; body strings are sent as XML, anything else as JSON. */
  as(tenant: string, username: string, password: string): Caller {
    return (method, path, body) =>
      this.api.call(method, path, {
        realm: tenant,
        auth: hcpToken(username, password),
        ...(typeof body === "string" ? { xml: body } : { json: body }),
      });
  }

  /** An account added through the control API, with USER_PASSWORD; its caller. */
  async user(tenant: string, username: string, roles: string[]): Promise<Caller> {
    await this.api.control("POST", "/_emulator/users", { tenant, username, password: USER_PASSWORD, roles });
    return this.as(tenant, username, USER_PASSWORD);
  }

  security(tenant: string): Caller {
    return this.as(tenant, "security", SECURITY_PASSWORD);
  }
}

/** The JSON of a 200 answer. */
export function ok(answer: HcpAnswer): Record<string, unknown> {
  expect(answer.status, answer.error ?? answer.body).to.equal(200);
  return answer.body ? (JSON.parse(answer.body) as Record<string, unknown>) : {};
}

/** Asserts the status and that X-HCP-ErrorMessage matches. */
export function refused(answer: HcpAnswer, status: number, message?: RegExp): void {
  expect(answer.status, answer.error ?? answer.body).to.equal(status);
  if (message) expect(answer.error).to.match(message);
}
