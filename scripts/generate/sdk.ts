import { isInput, type PropertySpec, type ResourceSpec, type ValueSpec } from "../../provider/core/spec";
import { generatedHeader } from "./header";
import { allObjectTypes, objectTypes } from "./walk";

/** The TypeScript type of a value, as the program passes it (`input`) or reads it back. */
export function tsType(value: ValueSpec, input: boolean): string {
  const wrap = (t: string) => (input ? `pulumi.Input<${t}>` : t);
  switch (value.type) {
    case "string":
      return value.enum ? value.enum.map((v) => JSON.stringify(v)).join(" | ") : "string";
    case "boolean":
      return "boolean";
    case "integer":
      return value.nullable ? "number | null" : "number";
    case "array": {
      const item = wrap(tsType(value.items, input));
      // A union of items needs its parentheses: `"a" | "b"[]` would be a string or an array.
      return item.includes("|") && !input ? `(${item})[]` : `${item}[]`;
    }
    case "object":
      return input ? `${value.typeName}Args` : value.typeName;
    case "custom":
      return value.tsType;
  }
}

export function jsDoc(text: string, indent: string): string {
  return `${indent}/** ${text.replace(/\*\//g, "*\\/")} */\n`;
}

function objectInterface(object: Extract<ValueSpec, { type: "object" }>): string {
  const members = (input: boolean) =>
    Object.entries(object.fields)
      .map(([name, field]) => {
        const type = tsType(field.value, input);
        const optional = field.required ? "" : "?";
        return `${jsDoc(field.doc, "  ")}  ${name}${optional}: ${input ? `pulumi.Input<${type}>` : type};\n`;
      })
      .join("");
  return (
    `${jsDoc(object.doc, "")}export interface ${object.typeName}Args {\n${members(true)}}\n\n` +
    `${jsDoc(object.doc, "")}export interface ${object.typeName} {\n${members(false)}}\n`
  );
}

/** sdk/generated/types.ts: the object types of every resource, each once (several resources share some). */
export function sdkTypesModule(specs: readonly ResourceSpec[]): string {
  return `${generatedHeader("//")}
import type * as pulumi from "@pulumi/pulumi";

${allObjectTypes(specs).map(objectInterface).join("\n")}`;
}

function argsMember(name: string, p: PropertySpec): string {
  const optional = p.required ? "" : "?";
  return `${jsDoc(p.doc, "  ")}  ${name}${optional}: pulumi.Input<${tsType(p.value, true)}>;\n`;
}

function outputMember(name: string, p: PropertySpec): string {
  const type = tsType(p.value, false);
  const known = p.required || p.isId ? type : `${type} | undefined`;
  const field = p.isId ? `readonly ${name}` : `declare readonly ${name}`;
  return `${jsDoc(p.doc, "  ")}  ${field}: pulumi.Output<${known}>;\n`;
}

/** The SDK module of one resource: its argument types and its class. */
export function sdkModule(spec: ResourceSpec): string {
  const entries = Object.entries(spec.properties);
  const outputs = entries.filter(([, p]) => !p.isId).map(([name]) => name);
  const secrets = entries.filter(([, p]) => p.secret).map(([name]) => name);
  const ids = entries.filter(([, p]) => p.isId).map(([name]) => `    this.${name} = this.id;\n`);
  const options = spec.retainUnlessPolicy
    ? `withRetainUnless(withSecretOutputs(opts, secrets), args.deletionPolicy, ${JSON.stringify(spec.retainUnlessPolicy)})`
    : "withSecretOutputs(opts, secrets)";
  const body = `export interface ${spec.type}Args {
${entries
  .filter(([, p]) => isInput(p))
  .map(([name, p]) => argsMember(name, p))
  .join("")}}

${jsDoc(`${spec.doc} The resource id: ${spec.id}`, "")}export class ${spec.type} extends pulumi.dynamic.Resource {
${entries.map(([name, p]) => outputMember(name, p)).join("")}
  constructor(name: string, args: ${spec.type}Args, opts?: pulumi.CustomResourceOptions) {
    const secrets: string[] = ${JSON.stringify(secrets)};
    super(
      provider,
      name,
      resourceProps(args, ${JSON.stringify(outputs)}, secrets, name, "${spec.type}"),
      ${options},
      "${spec.module}",
      "${spec.type}",
    );
${ids.join("")}  }
}
`;
  const used = objectTypes(spec)
    .flatMap((o) => [o.typeName, `${o.typeName}Args`])
    .filter((name) => new RegExp(`\\b${name}\\b`).test(body))
    .sort();
  const types = used.length > 0 ? `import type { ${used.join(", ")} } from "./types";\n` : "";
  return `${generatedHeader("//")}
// Edit the ${spec.type} spec (provider/${spec.module}/specs/), then run \`npm run generate\`.
import * as pulumi from "@pulumi/pulumi";

import provider = require("../../provider/entry/${spec.entry}");

import { resourceProps, ${spec.retainUnlessPolicy ? "withRetainUnless, " : ""}withSecretOutputs } from "../outputs";
${types}
${body}`;
}
