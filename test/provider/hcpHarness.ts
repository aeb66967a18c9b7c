/** What the HCP namespace and user-account provider tests share: an emulator, configured providers, tenants. */

import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { RequestLog } from "../../emulator/core/requestLog";
import { startHcpEmulator } from "../../emulator/hcp/server";
import type { HcpInfo, RunningServer } from "../../emulator/types";
import { type HcpAnswer, HcpApi, hcpToken } from "../support/hcpApi";

export type Props = Record<string, unknown>;
export const SECURITY_PASSWORD = "Start-123-sec";
export const ACCOUNT_PASSWORD = "pass1234";

interface Configurable {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
}

export class HcpHarness {
  private counter = 0;

  private constructor(
    readonly server: RunningServer<HcpInfo>,
    readonly api: HcpApi,
    readonly log: RequestLog,
  ) {}

  static async start(): Promise<HcpHarness> {
    const log = new RequestLog();
    const server = await startHcpEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log });
    return new HcpHarness(server, new HcpApi(server.info), log);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** The provider configured as the engine would: the system account, the emulator's address and CA. */
  async configured<P extends Configurable>(provider: P): Promise<P> {
    const config: Record<string, string> = {
      "hcp:domain": this.server.info.domain,
      "hcp:port": String(this.api.port),
      "hcp:username": this.server.info.username,
      "hcp:password": this.server.info.password,
      "hcp:address": "127.0.0.1",
      "hcp:caCert": this.api.ca,
    };
    await provider.configure({
      config: { get: (k: string) => config[k], require: (k: string) => config[k] },
    } as never);
    return provider;
  }

  unique(prefix: string): string {
    return `${prefix}${++this.counter}x${process.pid}`;
  }

  /** A new tenant through MAPI, with its initial SECURITY user "security"; its name. */
  async tenant(properties: Props = {}): Promise<string> {
    const name = this.unique("t");
    const answer = await this.api.admin(
      "PUT",
      `/mapi/tenants?username=security&password=${SECURITY_PASSWORD}`,
      {
        name,
        hardQuota: "100 GB",
        versioningConfigurationEnabled: true,
        searchConfigurationEnabled: true,
        complianceConfigurationEnabled: true,
        ...properties,
      },
    );
    expect(answer.status, answer.error).to.equal(200);
    return name;
  }

  /** A tenant account with ACCOUNT_PASSWORD, added through the control API. */
  async account(
    tenant: string,
    username: string,
    roles: string[],
  ): Promise<{ username: string; password: string }> {
    await this.api.control("POST", "/_emulator/users", {
      tenant,
      username,
      password: ACCOUNT_PASSWORD,
      roles,
    });
    return { username, password: ACCOUNT_PASSWORD };
  }

  /** A MAPI call as a tenant account ("made in the console"). */
  as(
    tenant: string,
    username: string,
    password: string,
    method: string,
    path: string,
    json?: unknown,
  ): Promise<HcpAnswer> {
    return this.api.call(method, path, { realm: tenant, auth: hcpToken(username, password), json });
  }

  /** The write requests the emulator has logged since `from` (an index into the log). */
  writesSince(from: number): string[] {
    return this.log
      .list("hcp")
      .slice(from)
      .filter((e) => !["GET", "HEAD"].includes(e.method) && !e.path.startsWith("/_emulator"))
      .map((e) => `${e.method} ${e.path}`);
  }

  logLength(): number {
    return this.log.list("hcp").length;
  }
}

/** The JSON of a 200 answer. */
export function ok(answer: HcpAnswer): Props {
  expect(answer.status, answer.error ?? answer.body).to.equal(200);
  return answer.body ? (JSON.parse(answer.body) as Props) : {};
}
