import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import type { HcpInfo } from "../../emulator/types";

export interface HcpAnswer {
  status: number;
  body: string;
  /** X-HCP-ErrorMessage, on errors. */
  error?: string;
}

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/** `HCP base64(user):md5(password)` */
export function hcpToken(username: string, password: string): string {
  return `HCP ${Buffer.from(username).toString("base64")}:${md5(password)}`;
}

/** A second, independent MAPI caller (changes "made outside Pulumi") and the emulator's control API. */
export class HcpApi {
  readonly ca: string;
  readonly port: number;

  constructor(private readonly info: HcpInfo) {
    this.ca = readFileSync(info.caCertPath, "utf8");
    this.port = Number(new URL(info.url).port);
  }

  /** One HTTPS request to 127.0.0.1 with Host and SNI naming `realm`.<domain> (or no realm: the control API). */
  call(
    method: string,
    path: string,
    options: { realm?: string; auth?: string; json?: unknown; xml?: string } = {},
  ): Promise<HcpAnswer> {
    const host = options.realm ? `${options.realm}.${this.info.domain}`.toLowerCase() : "127.0.0.1";
    // An XML body asks for XML back; everything else speaks JSON.
    const mediaType = options.xml === undefined ? "application/json" : "application/xml";
    const headers: Record<string, string> = { Host: host, Accept: mediaType };
    if (options.auth) headers.Authorization = options.auth;
    const body = options.xml ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    if (body !== undefined) headers["Content-Type"] = mediaType;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: this.port,
          method,
          path,
          headers,
          servername: options.realm ? host : "",
          ca: this.ca,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString(),
              error: res.headers["x-hcp-errormessage"] as string | undefined,
            }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  /** As the system-level administrator, at admin.<domain>. */
  admin(method: string, path: string, json?: unknown): Promise<HcpAnswer> {
    return this.call(method, path, {
      realm: "admin",
      auth: hcpToken(this.info.username, this.info.password),
      json,
    });
  }

  /** As a tenant-level account, at <tenant>.<domain>. */
  asTenantUser(
    tenant: string,
    username: string,
    password: string,
    method: string,
    path: string,
    json?: unknown,
  ): Promise<HcpAnswer> {
    return this.call(method, path, { realm: tenant, auth: hcpToken(username, password), json });
  }

  async control(method: string, path: string, json?: unknown): Promise<unknown> {
    const answer = await this.call(method, path, { json });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
    return answer.body ? JSON.parse(answer.body) : undefined;
  }
}
