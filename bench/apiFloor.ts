import { startEmulators } from "../emulator/index";
import { Semaphore } from "../provider/core/limits";

/** The API floor on emulators of its own at `latencyMs`: how long it took, and the requests it made. */
export async function measureApiFloor(
  latencyMs: number,
  customers: number,
  parallelism: number,
): Promise<{ seconds: number; requests: number }> {
  const emulators = await startEmulators({ latencyMs });
  try {
    const { acronis } = emulators;
    const started = process.hrtime.bigint();
    await apiFloor(
      acronis.baseUrl,
      acronis.clientId,
      acronis.clientSecret,
      acronis.partnerTenantId,
      customers,
      parallelism,
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, requests: emulators.log.list("acronis").length };
  } finally {
    await emulators.close();
  }
}

/**
 * The API floor: the calls the providers make to create N customers (the same calls, in the same order
 * per customer), straight over HTTP with no Pulumi, at most `parallelism` requests in flight.
 */
export async function apiFloor(
  baseUrl: string,
  clientId: string,
  clientSecret: string,
  partnerId: string,
  customers: number,
  parallelism: number,
): Promise<void> {
  const limit = new Semaphore(parallelism);
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
  const tokenAnswer = await fetch(`${baseUrl}/idp/token`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  const token = ((await tokenAnswer.json()) as { access_token: string }).access_token;
  const call = (method: string, path: string, body?: unknown) =>
    limit.run(async () => {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    });
  // Listed once, as the providers do (per parent and kind).
  const offer = call(
    "GET",
    `/tenants/${partnerId}/offering_items/available_for_child?kind=customer&edition=*`,
  ) as Promise<{
    items: { application_id: string; name: string; infra_id?: string }[];
  }>;

  const one = async (i: number) => {
    const tenant = await call("POST", "/tenants", {
      name: `Estate Customer ${i}`,
      kind: "customer",
      parent_id: partnerId,
      customer_id: `estate-${i}`,
    });
    const items = (async () => {
      const wanted = (await offer).items.filter(
        (item) => item.name === "workstations" || item.name === "storage",
      );
      await call("PUT", `/tenants/${tenant.id}/offering_items`, {
        offering_items: wanted.map((item) => ({
          application_id: item.application_id,
          name: item.name,
          infra_id: item.infra_id,
          status: 1,
          quota: item.name === "workstations" ? { value: 10 + i, overage: null } : undefined,
        })),
      });
    })();
    const mfa = call("PUT", `/tenants/${tenant.id}/mfa/status`, { enabled: true });
    const user = (async () => {
      await call("GET", `/users/check_login?username=estate-admin-${i}`);
      const created = await call("POST", "/users", {
        tenant_id: tenant.id,
        login: `estate-admin-${i}`,
        contact: { email: `admin-${i}@customer.example`, firstname: "Admin", lastname: `${i}` },
      });
      await call("POST", `/users/${created.id}/send-activation-email`, {});
      return created;
    })();
    const [created] = await Promise.all([user, items, mfa]);
    const zero = "00000000-0000-0000-0000-000000000000";
    await call("PUT", `/users/${created.id}/access_policies`, {
      items: [
        {
          id: zero,
          issuer_id: zero,
          tenant_id: tenant.id,
          trustee_id: created.id,
          trustee_type: "user",
          role_id: "company_admin",
          version: 0,
        },
      ],
    });
  };
  await Promise.all(Array.from({ length: customers }, (_, i) => one(i)));
}
