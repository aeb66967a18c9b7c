/**
 * An object inside a tenant found by its name, or, when the name is gone (renamed in the console), by
 * the id HCP gave it: the list of names, each read until one carries the id.
 */
export async function locate<T>(
  name: string,
  id: string | undefined,
  access: {
    get(name: string): Promise<T | undefined>;
    list(): Promise<string[]>;
    idOf(object: T): string | undefined;
  },
): Promise<T | undefined> {
  const byName = await access.get(name);
  if (byName !== undefined || id === undefined) return byName;
  for (const other of await access.list()) {
    if (other.toLowerCase() === name.toLowerCase()) continue;
    const candidate = await access.get(other);
    if (candidate !== undefined && access.idOf(candidate) === id) return candidate;
  }
  return undefined;
}
