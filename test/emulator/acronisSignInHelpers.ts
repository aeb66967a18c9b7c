/** Fixtures for the sign-in tests: administrators with passwords, and requests sent exactly as public clients send them. */
import type { AcronisTestClient, Answer } from "./acronisHelpers";

export const PASSWORD = "Correct-Horse-9";

/** A user with a role on their tenant and a password set as in the console (the control endpoint). */
export async function userWithPassword(
  c: AcronisTestClient,
  tenantId: string,
  login: string,
  role: string | undefined,
  password = PASSWORD,
): Promise<string> {
  const created = await c.createUser(tenantId, login);
  if (created.status !== 200) throw new Error(`creating ${login}: ${JSON.stringify(created.body)}`);
  const id: string = created.body.id;
  if (role) {
    // A new policy as the tutorial sends it: zero UUIDs for its id and issuer, version 0.
    const zero = "00000000-0000-0000-0000-000000000000";
    const item = {
      id: zero,
      issuer_id: zero,
      version: 0,
      tenant_id: tenantId,
      trustee_id: id,
      trustee_type: "user",
      role_id: role,
    };
    const granted = await c.api("PUT", `/users/${id}/access_policies`, { body: { items: [item] } });
    if (granted.status !== 200) throw new Error(`granting ${role}: ${JSON.stringify(granted.body)}`);
  }
  const set = await c.control("POST", `/users/${id}/password`, { password });
  if (set.status !== 204) throw new Error(`setting the password: ${JSON.stringify(set.body)}`);
  return id;
}

export const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/** One request with exactly these headers and body; the answer's cookie, if any, comes back too. */
export async function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer & { cookie?: string }> {
  const response = await fetch(url, { method, headers, body });
  const raw = await response.text();
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  return {
    status: response.status,
    body: raw === "" ? undefined : JSON.parse(raw),
    headers: response.headers,
    ...(cookie ? { cookie } : {}),
  };
}

/** A form body as Python's `requests` encodes a dict. */
export const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
