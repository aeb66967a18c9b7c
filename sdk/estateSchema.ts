import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import estateSchema from "../estate.schema.json";
import { pointer } from "./estateInput";

// Refs the schema does not nest in themselves are inlined, so a list's errors are pushed, not concatenated.
// Verbose: an unknown property's error carries its object's schema, whose known names "did you mean" needs.
const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: 100_000, verbose: true });
addFormats(ajv);
const validateFile = ajv.compile(estateSchema);
const definition = (name: string) =>
  ajv.getSchema(`${estateSchema.$id}#/definitions/${name}`) as ValidateFunction;

/** The lists that hold tenants, and the definition of their entries. */
const tenantLists = { partners: "partner", folders: "folder", customers: "customer" } as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** One entry to validate on its own: its definition and where it is. */
interface Entry {
  validate: ValidateFunction;
  value: Record<string, unknown> | unknown;
  path: (string | number)[];
}

/**
 * The file with every tenant list emptied, and the tenants it held, each with its own lists emptied.
 * Ajv concatenates the errors of each referenced entry into its list's (quadratic in the errors of one list),
 * so entries are validated one by one: 100,000 bad entries take linear time.
 */
function split(estate: unknown): { skeleton: unknown; entries: Entry[] } {
  const entries: Entry[] = [];
  const hollow = (level: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> => {
    const copy = { ...level };
    for (const [list, name] of Object.entries(tenantLists)) {
      const items = level[list];
      if (!Array.isArray(items)) continue;
      copy[list] = [];
      items.forEach((item, i) => {
        const at = [...path, list, i];
        // The entry before its children, so problems come in the file's order.
        const entry: Entry = { validate: definition(name), value: item, path: at };
        entries.push(entry);
        if (isObject(item)) entry.value = hollow(item, at);
      });
    }
    return copy;
  };
  const section = (value: unknown, path: (string | number)[]): unknown => {
    if (!isObject(value)) return value;
    const copy = { ...value };
    if (isObject(value.acronis)) copy.acronis = hollow(value.acronis, [...path, "acronis"]);
    const hcp = value.hcp;
    if (isObject(hcp) && Array.isArray(hcp.tenants)) {
      copy.hcp = { ...hcp, tenants: [] };
      hcp.tenants.forEach((item, i) => {
        entries.push({
          validate: definition("hcpTenant"),
          value: item,
          path: [...path, "hcp", "tenants", i],
        });
      });
    }
    return copy;
  };
  const skeleton = section(estate, []);
  if (isObject(skeleton) && isObject(skeleton.accounts)) {
    const accounts = skeleton.accounts;
    skeleton.accounts = Object.fromEntries(
      Object.entries(accounts).map(([name, value]) => [name, section(value, ["accounts", name])]),
    );
  }
  return { skeleton, entries };
}

/** Every schema error of the file, each with the instance path from the file's root; linear in the errors. */
export function schemaErrors(estate: unknown): ErrorObject[] {
  const { skeleton, entries } = split(estate);
  const errors: ErrorObject[] = [];
  if (!validateFile(skeleton)) for (const e of validateFile.errors ?? []) errors.push(e);
  for (const { validate, value, path } of entries) {
    if (validate(value)) continue;
    const prefix = pointer(path);
    for (const e of validate.errors ?? []) errors.push({ ...e, instancePath: prefix + e.instancePath });
  }
  return errors;
}
