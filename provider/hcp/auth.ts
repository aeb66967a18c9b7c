import { createHash } from "node:crypto";

/**
 * The HCP authentication token: `HCP <base64(username)>:<md5hex(password)>` (HCP MAPI "Authorization
 * header"). Only the hash of the password travels; the result is still a credential and is never logged.
 */
export function hcpAuthorization(username: string, password: string): string {
  const user = Buffer.from(username, "utf8").toString("base64");
  const hash = createHash("md5").update(password, "utf8").digest("hex");
  return `HCP ${user}:${hash}`;
}
