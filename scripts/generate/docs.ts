import { isInput, type PropertySpec, type ResourceSpec, type ValueSpec } from "../../provider/core/spec";
import { generatedHeader } from "./header";
import { objectTypes } from "./walk";

function typeText(value: ValueSpec): string {
  switch (value.type) {
    case "string":
      return value.enum ? value.enum.map((v) => `\`${v}\``).join(" \\| ") : (value.format ?? "string");
    case "integer":
      return value.nullable ? "integer or null" : "integer";
    case "array":
      return `list of ${typeText(value.items)}`;
    case "object":
      return `[${value.typeName}](#${value.typeName.toLowerCase()})`;
    case "custom":
      // A table cell: a union's pipes escaped, or they would split the cell (GitHub does so inside code too).
      return `\`${value.tsType.replace(/\|/g, "\\|")}\``;
    default:
      return value.type;
  }
}

function ruleText(value: ValueSpec): string {
  const rules: string[] = [];
  if (value.type === "string") {
    if (value.minLength) rules.push(`at least ${value.minLength} character(s)`);
    if (value.maxLength) rules.push(`at most ${value.maxLength} characters`);
    if (value.patternHint) rules.push(value.patternHint);
  }
  if (value.type === "integer") {
    if (value.min !== undefined) rules.push(`≥ ${value.min}`);
    if (value.max !== undefined) rules.push(`≤ ${value.max}`);
  }
  if (value.type === "array" && value.minLength) rules.push(`at least ${value.minLength} element(s)`);
  return rules.join("; ");
}

function notes(p: PropertySpec): string {
  const notes: string[] = [];
  if (p.required) notes.push("required");
  if (p.replaces === "createFirst") notes.push("replaces");
  if (p.replaces === "deleteFirst") notes.push("replaces, deleting first");
  if (p.createOnly) notes.push("create only");
  if (p.notCompared) notes.push("not compared");
  if (p.secret) notes.push("secret");
  if (p.isId) notes.push("= id");
  return notes.join(", ");
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(rows: [string, PropertySpec][]): string {
  const lines = rows.map(
    ([name, p]) =>
      `| \`${name}\` | ${typeText(p.value)} | ${notes(p)} | ${cell(ruleText(p.value))} | ${cell(p.doc)} |`,
  );
  return `| property | type | | rule | meaning |\n| --- | --- | --- | --- | --- |\n${lines.join("\n")}\n`;
}

function section(spec: ResourceSpec): string {
  const entries = Object.entries(spec.properties);
  const objects = objectTypes(spec)
    .map((o) => {
      const rows = Object.entries(o.fields).map(
        ([name, f]) => [name, { ...f, role: "input" }] as [string, PropertySpec],
      );
      return `#### ${o.typeName}\n\n${o.doc}\n\n${table(rows)}`;
    })
    .join("\n");
  const outputs = entries.filter(([, p]) => !isInput(p));
  return [
    `### ${spec.type}\n\n${spec.doc}\n\nid: ${spec.id}\n`,
    `Inputs:\n\n${table(entries.filter(([, p]) => isInput(p)))}`,
    outputs.length > 0 ? `Outputs (besides the inputs):\n\n${table(outputs)}` : "",
    objects,
  ]
    .filter(Boolean)
    .join("\n");
}

/** docs/resources.md: every resource's properties, rules and replace semantics, from the specs. */
export function resourceReference(specs: readonly ResourceSpec[]): string {
  const byModule = (module: string) =>
    specs
      .filter((s) => s.module === module)
      .map(section)
      .join("\n");
  return `${generatedHeader("<!--", "-->")}
# Resource reference

"replaces" marks a property whose change replaces the object; "deleting first" says the replacement
deletes the old object before creating the new one, because the vendor keeps that key unique.
"create only" inputs are used at create and never compared; "not compared" inputs are how the provider
signs in; "secret" values are stored encrypted.

## Acronis

${byModule("acronis")}
## Hitachi Content Platform

${byModule("hcp")}`;
}
