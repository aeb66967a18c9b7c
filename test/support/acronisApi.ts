import type { AcronisInfo } from "../../emulator/types";

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test code reads arbitrary JSON answers
  body: any;
}

/** A second, independent API client: changes "made outside Pulumi", and the emulator's control endpoints. */
export class AcronisApi {
  private token?: string;

  constructor(private readonly info: AcronisInfo) {}

  private async bearer(): Promise<string> {
    if (this.token) return this.token;
    const basic = Buffer.from(`${this.info.clientId}:${this.info.clientSecret}`).toString("base64");
    const res = await fetch(`${this.info.baseUrl}/idp/token`, {
      method: "POST",
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    this.token = ((await res.json()) as { access_token: string }).access_token;
    return this.token;
  }

  /** `/_emulator/…` paths go to the server root, all others below /api/2. */
  private url(path: string): string {
    return path.startsWith("/_emulator")
      ? new URL(path, this.info.baseUrl).toString()
      : `${this.info.baseUrl}${path}`;
  }

  async request(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.bearer()}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(this.url(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  get(path: string): Promise<ApiAnswer> {
    return this.request("GET", path);
  }
  put(path: string, body: unknown): Promise<ApiAnswer> {
    return this.request("PUT", path, body);
  }
  post(path: string, body?: unknown): Promise<ApiAnswer> {
    return this.request("POST", path, body);
  }
  delete(path: string): Promise<ApiAnswer> {
    return this.request("DELETE", path);
  }

  /** The names of the customer tenants the emulator holds, sorted. */
  async customerNames(): Promise<string[]> {
    const { tenants } = (await this.get("/_emulator/state")).body as {
      tenants: { name: string; kind: string }[];
    };
    return tenants
      .filter((t) => t.kind === "customer")
      .map((t) => t.name)
      .sort();
  }
}
