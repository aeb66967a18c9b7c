import * as pulumi from "@pulumi/pulumi";

/**
 * One object, one resource: the natural key each kind of object has at its API, as the API compares it. Two
 * resources of one program with the same key would both "create" one object, and undoing either would
 * delete the other's.
 */
type KeyParts = (args: Record<string, unknown>) => unknown[];

// Choice: Acronis logins and tenant names are compared case-insensitively: the reference leaves both open, the
// platform's search folds case, WHMCS compares tenant names so, and the estate file already refuses such pairs.
const naturalKeys: Record<string, { object: string; parts: KeyParts }> = {
  CustomerTenant: { object: "Acronis tenant name", parts: (a) => ["acronis", a.account, a.name] },
  PartnerTenant: { object: "Acronis tenant name", parts: (a) => ["acronis", a.account, a.name] },
  FolderTenant: { object: "Acronis tenant name", parts: (a) => ["acronis", a.account, a.name] },
  User: { object: "Acronis login", parts: (a) => ["acronis", a.account, a.login] },
  // HCP names (tenants, namespaces, usernames) are case-insensitive.
  HcpTenant: { object: "HCP tenant name", parts: (a) => ["hcp", a.account, a.name] },
  HcpNamespace: { object: "HCP namespace name", parts: (a) => ["hcp", a.account, a.tenant, a.name] },
  HcpUserAccount: { object: "HCP username", parts: (a) => ["hcp", a.account, a.tenant, a.username] },
};

/** The resources of this program by natural key: the first to claim a key keeps it. */
const claimed = new Map<string, string>();

/** The one line that refuses a second resource for one object. */
export function duplicateMessage(object: string, value: string, first: string, second: string): string {
  return `${second} and ${first} both declare the ${object} "${value}" (compared as the API compares it): one object can have only one resource; remove or rename one of them`;
}

/** Records `type` `name`'s natural key; a key another resource holds is refused, naming both. */
function claim(type: string, name: string, object: string, values: unknown[]): void {
  const key = JSON.stringify(values.map((v) => (typeof v === "string" ? v.toLowerCase() : (v ?? null))));
  const self = `${type} "${name}"`;
  const first = claimed.get(key);
  if (first === undefined) claimed.set(key, self);
  else if (first !== self) throw new Error(duplicateMessage(object, String(values.at(-1)), first, self));
}

/**
 * Refuses a second resource of this program for one object, at preview where the key is known: at once
 * when it is given as plain values, else when its outputs resolve.
 */
export function claimNaturalKey(type: string, name: string, args: object): void {
  const key = naturalKeys[type];
  if (key === undefined) return;
  const parts = key.parts(args as Record<string, unknown>);
  if (parts.every((part) => !pulumi.Output.isInstance(part) && !(part instanceof Promise))) {
    claim(type, name, key.object, parts);
    return;
  }
  pulumi.all(parts).apply((values) => claim(type, name, key.object, values));
}

/** Objects that cannot carry this provider's ownership mark, and why, for a warning when they are adopted. */
const unmarkable: Record<string, (args: Record<string, unknown>) => string | undefined> = {
  HcpUserAccount: () => "HCP user accounts have no field for an ownership mark",
  CustomerTenant: (a) => (a.internalTag === undefined ? undefined : "its internalTag is declared"),
  PartnerTenant: (a) => (a.internalTag === undefined ? undefined : "its internalTag is declared"),
  FolderTenant: (a) => (a.internalTag === undefined ? undefined : "its internalTag is declared"),
};

/** Warns at plan time that an adopted object stays unmarked: another stack's adopt of it is not refused. */
export function warnUnmarkable(type: string, name: string, args: object): void {
  const given = args as Record<string, unknown>;
  const why = unmarkable[type]?.(given);
  if (why === undefined || given.adopt === undefined) return;
  pulumi.output(given.adopt).apply((adopt) => {
    if (adopt === true)
      pulumi.log.warn(
        `${type} "${name}" is adopted without an ownership mark (${why}): another stack's adopt of the same object is not refused`,
      );
  });
}
