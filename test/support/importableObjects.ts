import { expect } from "chai";
import type { AcronisApi } from "./acronisApi";
import type { HcpApi } from "./hcpApi";
import { OutOfBand } from "./outOfBand";

/** Objects of every importable type, made through the APIs as by hand, and the ids they were given. */
export interface ObjectsMade {
  acronis: {
    root: string;
    partner: string;
    folder: string;
    customer: string;
    user: string;
    client: string;
    /** A customer and a user of it for the `import` resource option. */
    forOption: { customer: string; user: string };
  };
  hcp: { namespaceId: string; auditorGuid: string };
}

const tenantPassword = "Start-123-import";

async function made(answer: Promise<{ status: number; body: { id?: string; client_id?: string } }>) {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).to.be.oneOf([200, 201]);
  return (body.id ?? body.client_id) as string;
}

async function acronisObjects(api: AcronisApi, root: string): Promise<ObjectsMade["acronis"]> {
  const tenant = (name: string, kind: string, extra: object = {}) =>
    made(api.post("/tenants", { name, kind, parent_id: root, ...extra }));
  const partner = await tenant("Imported Partner", "partner");
  const folder = await tenant("Imported Folder", "folder");
  const customer = await tenant("Imported Dental", "customer", { contact: { email: "it@imported.example" } });
  const user = await made(
    api.post("/users", {
      tenant_id: customer,
      login: "imported-admin",
      contact: { email: "ada@imported.example", firstname: "Ada" },
    }),
  );
  const console = new OutOfBand(api);
  await console.setRoles(user, ["company_admin"]);
  await console.setMfa(customer, true);
  await console.setItem(customer, "workstations", { status: 1, quota: { value: 10, overage: 12 } });
  const client = await made(
    api.post("/clients", {
      type: "api_client",
      tenant_id: customer,
      token_endpoint_auth_method: "client_secret_basic",
      data: { client_name: "imported-sync" },
    }),
  );
  const optioned = await tenant("Optioned Co", "customer");
  const optionedUser = await made(
    api.post("/users", {
      tenant_id: optioned,
      login: "optioned-user",
      contact: { email: "optioned@imported.example" },
    }),
  );
  return {
    root,
    partner,
    folder,
    customer,
    user,
    client,
    forOption: { customer: optioned, user: optionedUser },
  };
}

/**
 * The HCP tenant "imports", which lets system-level accounts administer it (an import reads as one), with
 * every settings document set, a namespace and an account.
 */
async function hcpObjects(api: HcpApi): Promise<ObjectsMade["hcp"]> {
  const accepted = async (answer: Promise<{ status: number; body: string; error?: string }>) => {
    const { status, body, error } = await answer;
    expect(status, error).to.equal(200);
    return body;
  };
  const asAdmin = (method: string, to: string, json?: unknown) =>
    accepted(api.admin(method, `/mapi/tenants/imports${to}`, json));
  await accepted(
    api.admin("PUT", `/mapi/tenants?username=security&password=${tenantPassword}`, {
      name: "imports",
      hardQuota: "40 GB",
    }),
  );
  await accepted(
    api.asTenantUser(
      "imports",
      "security",
      tenantPassword,
      "PUT",
      `/mapi/tenants/imports/userAccounts?password=${tenantPassword}`,
      {
        username: "tenantadmin",
        fullName: "Tenant administrator",
        localAuthentication: true,
        forcePasswordChange: false,
        enabled: true,
        roles: { role: ["ADMINISTRATOR"] },
      },
    ),
  );
  await accepted(
    api.asTenantUser("imports", "tenantadmin", tenantPassword, "POST", "/mapi/tenants/imports", {
      administrationAllowed: true,
    }),
  );
  await asAdmin("POST", "/consoleSecurity", { minimumPasswordLength: 10, loginMessage: "Staff only" });
  await asAdmin("POST", "/searchSecurity", {
    ipSettings: { allowAddresses: { ipAddress: ["192.168.0.0/16"] } },
  });
  await asAdmin("POST", "/contactInfo", { firstName: "Lee", emailAddress: "lee@imported.example" });
  await asAdmin("POST", "/emailNotification", { enabled: true });
  await asAdmin("POST", "/namespaceDefaults", { description: "Records", softQuota: 70 });
  await asAdmin("POST", "/permissions", { permission: ["READ", "WRITE", "DELETE", "SEARCH"] });
  await asAdmin("PUT", "/namespaces", {
    name: "invoices",
    hardQuota: "5 GB",
    description: "Supplier invoices",
  });
  await asAdmin("PUT", `/userAccounts?password=${tenantPassword}`, {
    username: "auditor",
    fullName: "Auditor",
    localAuthentication: true,
    forcePasswordChange: false,
    enabled: true,
    roles: { role: ["MONITOR"] },
  });
  const namespace = JSON.parse(await asAdmin("GET", "/namespaces/invoices?verbose=true")) as { id: string };
  const auditor = JSON.parse(await asAdmin("GET", "/userAccounts/auditor?verbose=true")) as {
    userGUID: string;
  };
  return { namespaceId: namespace.id, auditorGuid: auditor.userGUID };
}

export async function madeThroughApis(acronis: AcronisApi, hcp: HcpApi, root: string): Promise<ObjectsMade> {
  return { acronis: await acronisObjects(acronis, root), hcp: await hcpObjects(hcp) };
}
