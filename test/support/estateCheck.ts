import { expect } from "chai";
import type { AcronisApi } from "./acronisApi";
import { tenantPassword } from "./estate";
import type { HcpApi } from "./hcpApi";

interface EmulatedAcronis {
  tenants: { id: string; name: string; kind: string; parent_id: string }[];
  users: { id: string; login: string; tenant_id: string }[];
}

/** The emulated Acronis holds exactly test/programs/estate's customers: no duplicate, no orphan, nothing missing. */
export async function expectDeclaredCustomers(acronis: AcronisApi, customers: number): Promise<void> {
  const state = (await acronis.get("/_emulator/state")).body as EmulatedAcronis;
  const customerTenants = state.tenants.filter((t) => t.kind === "customer");
  expect(customerTenants.map((t) => t.name).sort()).to.deep.equal(
    Array.from({ length: customers }, (_, i) => `Estate Customer ${i}`).sort(),
  );
  expect(state.users.map((u) => u.login).sort()).to.deep.equal(
    Array.from({ length: customers }, (_, i) => `estate-admin-${i}`).sort(),
  );
  for (const tenant of customerTenants) {
    const i = Number(tenant.name.split(" ").pop());
    expect((await acronis.get(`/tenants/${tenant.id}/mfa/status`)).body.mfa_status, tenant.name).to.equal(
      "enabled",
    );
    const items = (await acronis.get(`/tenants/${tenant.id}/offering_items`)).body.items as {
      name: string;
      status: number;
      quota?: { value: number | null };
    }[];
    const enabled = items.filter((it) => it.status === 1).map((it) => it.name);
    expect(enabled.sort(), tenant.name).to.deep.equal(["storage", "workstations"]);
    expect(items.find((it) => it.name === "workstations")?.quota?.value, tenant.name).to.equal(10 + i);
    const user = state.users.find((u) => u.tenant_id === tenant.id);
    expect(user, `user of ${tenant.name}`).to.not.equal(undefined);
    const policies = (await acronis.get(`/users/${user?.id}/access_policies`)).body.items as {
      role_id: string;
    }[];
    expect(
      policies.map((p) => p.role_id),
      user?.login,
    ).to.deep.equal(["company_admin"]);
  }
}

/** The emulated HCP holds exactly test/programs/estate's tenants, each with its console security. */
export async function expectDeclaredHcpTenants(hcp: HcpApi, hcpTenants: number): Promise<void> {
  const names = JSON.parse((await hcp.admin("GET", "/mapi/tenants")).body).name as string[];
  expect(names.sort()).to.deep.equal(
    ["Default", ...Array.from({ length: hcpTenants }, (_, j) => `estate-${j}`)].sort(),
  );
  for (let j = 0; j < hcpTenants; j++) {
    const path = `/mapi/tenants/estate-${j}/consoleSecurity`;
    const answer = await hcp.asTenantUser(`estate-${j}`, "security", tenantPassword, "GET", path);
    const console = JSON.parse(answer.body);
    expect(console.minimumPasswordLength, `estate-${j}`).to.equal(10);
    expect(console.ipSettings.allowAddresses.ipAddress, `estate-${j}`).to.deep.equal(["10.0.0.0/8"]);
  }
}
