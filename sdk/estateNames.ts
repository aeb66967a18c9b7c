/** `acronis.customers[0].users[1].email` */
export function propertyName(path: readonly (string | number)[]): string {
  return (
    path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(the file)"
  );
}

/** The User resource's name: by login, which is unique in the platform, so a user can move between customers. */
export function userResourceName(login: string): string {
  return `acronis-user-${slug(login)}`;
}

/** A resource-name fragment from a display name: `Customer, Inc` → `customer-inc`. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "x"
  );
}

/** An entry's identity in resource names: its key when the file gives one, else the slug of its name. */
export function keyOrSlug(key: string | undefined, name: string): string {
  return key ?? slug(name);
}
