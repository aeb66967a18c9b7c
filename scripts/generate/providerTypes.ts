import { isInput, type PropertySpec, type ResourceSpec, type ValueSpec } from "../../provider/core/spec";
import { generatedHeader } from "./header";
import { jsDoc, tsType } from "./sdk";
import { allObjectTypes } from "./walk";

/** A member of a provider type: a plain value, optional unless the spec requires it (or it is the id). */
function member(name: string, doc: string, value: ValueSpec, known: boolean): string {
  return `${jsDoc(doc, "  ")}  ${name}${known ? "" : "?"}: ${tsType(value, false)};\n`;
}

const propertyMember = ([name, p]: [string, PropertySpec]) =>
  member(name, p.doc, p.value, (p.required ?? false) || (p.isId ?? false));

function objectInterface(object: Extract<ValueSpec, { type: "object" }>): string {
  const members = Object.entries(object.fields).map(([name, field]) =>
    member(name, field.doc, field.value, field.required ?? false),
  );
  return `${jsDoc(object.doc, "")}export interface ${object.typeName} {\n${members.join("")}}\n`;
}

/** A resource's inputs, as its provider receives them, and its outputs: the inputs and what the API assigns. */
function resourceInterfaces(spec: ResourceSpec): string {
  const entries = Object.entries(spec.properties);
  const inputs = entries.filter(([, p]) => isInput(p)).map(propertyMember);
  const outputs = entries.filter(([, p]) => !isInput(p)).map(propertyMember);
  return (
    `${jsDoc(`The inputs of ${spec.type}, as its provider receives them.`, "")}` +
    `export interface ${spec.type}Inputs {\n${inputs.join("")}}\n\n` +
    `${jsDoc(`The outputs of ${spec.type}: its inputs and what the API assigns.`, "")}` +
    `export interface ${spec.type}Outputs extends ${spec.type}Inputs {\n${outputs.join("")}}\n`
  );
}

/** provider/generated/<vendor>.ts: the vendor's resources' inputs and outputs, and their object types, as plain values. */
export function providerTypesModule(specs: readonly ResourceSpec[], vendor: ResourceSpec["module"]): string {
  const own = specs.filter((spec) => spec.module === vendor);
  return `${generatedHeader("//")}
// Edit the specs (provider/${vendor}/specs/), then run \`npm run generate\`.

${allObjectTypes(own).map(objectInterface).join("\n")}
${own.map(resourceInterfaces).join("\n")}`;
}
