import { estateTenantFields } from "../../provider/acronis/specs/tenantCommon";
import type { ResourceSpec } from "../../provider/core/spec";
import { generatedHeader } from "./header";
import { jsDoc, tsType } from "./sdk";
import { objectTypes } from "./walk";

/** The estate file's tenant entries whose own fields are their resource's inputs, by resource type. */
export const estateTenantTypes = ["CustomerTenant", "PartnerTenant", "FolderTenant"];

/** The fields of one tenant entry that are its resource's inputs, as plain values (the file holds no outputs). */
function fieldsInterface(spec: ResourceSpec): string {
  const members = estateTenantFields(spec).map((name) => {
    const p = spec.properties[name];
    return `${jsDoc(p.doc, "  ")}  ${name}${p.required ? "" : "?"}: ${tsType(p.value, false)};\n`;
  });
  const doc = `The fields of an estate-file entry that are ${spec.type}'s inputs.`;
  return `${jsDoc(doc, "")}export interface ${spec.type}EstateFields {\n${members.join("")}}\n`;
}

/** sdk/generated/estateFields.ts: the tenant entries' own fields, so `Estate` in TypeScript follows the specs. */
export function estateTypesModule(specs: readonly ResourceSpec[]): string {
  const tenants = specs.filter((spec) => estateTenantTypes.includes(spec.type));
  const used = [...new Set(tenants.flatMap((spec) => objectTypes(spec).map((o) => o.typeName)))].sort();
  const types = used.length > 0 ? `import type { ${used.join(", ")} } from "./types";\n\n` : "";
  return `${generatedHeader("//")}
// Edit the tenant specs (provider/acronis/specs/), then run \`npm run generate\`.
${types}${tenants.map(fieldsInterface).join("\n")}`;
}
