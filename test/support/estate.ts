import { readFileSync } from "node:fs";
import { type RunningEmulators, startEmulators } from "../../emulator/index";
import { TestStack } from "./engine";

export const tenantPassword = "Estate-pass-42";

/** The emulators and a stack of test/programs/estate configured against them. */
export async function estateStack(
  name: string,
  size: { customers: number; hcpTenants: number },
  extraConfig: Record<string, { value: string; secret?: boolean }> = {},
): Promise<{ emulators: RunningEmulators; stack: TestStack }> {
  const emulators = await startEmulators();
  const stack = await TestStack.create(name, "test/programs/estate", {
    "acronis:baseUrl": { value: emulators.acronis.baseUrl },
    "acronis:clientId": { value: emulators.acronis.clientId },
    "acronis:clientSecret": { value: emulators.acronis.clientSecret, secret: true },
    "hcp:domain": { value: emulators.hcp.domain },
    "hcp:port": { value: new URL(emulators.hcp.url).port },
    "hcp:address": { value: "127.0.0.1" },
    "hcp:caCert": { value: readFileSync(emulators.hcp.caCertPath, "utf8") },
    "hcp:username": { value: emulators.hcp.username },
    "hcp:password": { value: emulators.hcp.password, secret: true },
    partnerTenantId: { value: emulators.acronis.partnerTenantId },
    customers: { value: String(size.customers) },
    hcpTenants: { value: String(size.hcpTenants) },
    tenantPassword: { value: tenantPassword, secret: true },
    ...extraConfig,
  });
  return { emulators, stack };
}
