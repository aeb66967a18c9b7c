import { inputKeys, type ResourceSpec } from "./spec";

/**
 * A read by id alone (`pulumi import`, the `import` resource option, a `get`): the engine sends no stored
 * outputs, so the read asks for every input the object holds, and a composite id says where it lives.
 */

/** Whether a read was sent the id alone: no stored outputs name the inputs the program manages. */
export const readByIdAlone = (props: object | undefined): boolean =>
  props === undefined || props === null || Object.keys(props).length === 0;

/**
 * Every input a read gives back, each as `true` (an object's fields each as `true`), as a program managing
 * them all would give them: what a read by id alone fills in. Values used only at create, credentials,
 * values no answer holds and the `leftOut` keys (the program's own choices, such as a deletion policy) are
 * not among them.
 */
export function everyHeldInput(spec: ResourceSpec, leftOut: readonly string[] = []): Record<string, unknown> {
  const every: Record<string, unknown> = {};
  for (const key of inputKeys(spec)) {
    const property = spec.properties[key];
    if (property.createOnly || property.notCompared || property.wire?.read === false) continue;
    if (leftOut.includes(key)) continue;
    const value = property.value;
    every[key] =
      value.type === "object" ? Object.fromEntries(Object.keys(value.fields).map((f) => [f, true])) : true;
  }
  return every;
}

/**
 * The parts of an import id `<first>/<second>` (e.g. `<tenant>/<namespace>`), or an error saying the form.
 * Only an import parses it: the resource's id stays what it was (a UUID the object keeps through a rename).
 */
export function compositeId(type: string, id: string, parts: readonly [string, string]): [string, string] {
  const slash = id.indexOf("/");
  const [first, second] = slash < 0 ? [id, ""] : [id.slice(0, slash), id.slice(slash + 1)];
  if (first === "" || second === "" || second.includes("/"))
    throw new Error(
      `${type} is imported by the id \`<${parts[0]}>/<${parts[1]}>\` (e.g. \`finance/invoices\`), got "${id}"`,
    );
  return [first, second];
}
