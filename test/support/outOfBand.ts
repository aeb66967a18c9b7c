import type { AcronisApi, ApiAnswer } from "./acronisApi";

/** Changes "made in the console": through the Acronis API, each checked to have been accepted. */
export class OutOfBand {
  constructor(private readonly api: AcronisApi) {}

  private async accepted(answer: Promise<ApiAnswer>): Promise<void> {
    const { status, body } = await answer;
    if (status >= 300)
      throw new Error(`the API refused the out-of-band change: ${status} ${JSON.stringify(body)}`);
  }

  /** PUT /tenants/{id} with the tenant's current version (contact is merged). */
  async updateTenant(id: string, change: object): Promise<void> {
    const { version } = (await this.api.get(`/tenants/${id}`)).body;
    await this.accepted(this.api.put(`/tenants/${id}`, { ...change, version }));
  }

  /** PUT /users/{id} with the user's current version (contact is merged). */
  async updateUser(id: string, change: object): Promise<void> {
    const { version } = (await this.api.get(`/users/${id}`)).body;
    await this.accepted(this.api.put(`/users/${id}`, { ...change, version }));
  }

  async setMfa(tenantId: string, enabled: boolean): Promise<void> {
    await this.accepted(this.api.put(`/tenants/${tenantId}/mfa/status`, { enabled }));
  }

  async setRoles(userId: string, roles: string[]): Promise<void> {
    const { tenant_id } = (await this.api.get(`/users/${userId}`)).body;
    const zero = "00000000-0000-0000-0000-000000000000";
    const items = roles.map((role_id) => ({
      id: zero,
      issuer_id: zero,
      tenant_id,
      trustee_id: userId,
      trustee_type: "user",
      role_id,
      version: 0,
    }));
    await this.accepted(this.api.put(`/users/${userId}/access_policies`, { items }));
  }

  /** Writes one offering item of the tenant: a new quota, or status 0 to disable it. */
  async setItem(
    tenantId: string,
    name: string,
    change: { status?: 0 | 1; quota?: { value: number | null; overage: number | null } },
  ): Promise<void> {
    const items = (await this.api.get(`/tenants/${tenantId}/offering_items`)).body.items as {
      name: string;
      application_id: string;
      infra_id?: string | null;
      quota?: { version: number };
    }[];
    const item = items.find((i) => i.name === name);
    if (!item) throw new Error(`tenant ${tenantId} has no offering item ${name}`);
    const write = {
      application_id: item.application_id,
      name,
      infra_id: item.infra_id ?? undefined,
      status: change.status ?? 1,
      quota: change.quota && { ...change.quota, version: item.quota?.version ?? 0 },
    };
    await this.accepted(this.api.put(`/tenants/${tenantId}/offering_items`, { offering_items: [write] }));
  }
}
