import { type RunningEmulators, startEmulators } from "../../emulator";
import { TestStack } from "./engine";
import { acronisStackConfig, hcpStackConfig, type StackConfig } from "./stackConfig";

export const tenantPassword = "Estate-pass-42";

/** The emulators and a stack of test/programs/estate configured against them. */
export async function estateStack(
  name: string,
  size: { customers: number; hcpTenants: number },
  extraConfig: StackConfig = {},
): Promise<{ emulators: RunningEmulators; stack: TestStack }> {
  const emulators = await startEmulators();
  const stack = await TestStack.create(name, "test/programs/estate", {
    ...acronisStackConfig(emulators.acronis),
    ...hcpStackConfig(emulators.hcp),
    customers: { value: String(size.customers) },
    hcpTenants: { value: String(size.hcpTenants) },
    tenantPassword: { value: tenantPassword, secret: true },
    ...extraConfig,
  });
  return { emulators, stack };
}
