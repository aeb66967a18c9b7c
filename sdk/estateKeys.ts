import { isMap, isScalar, type Node, parseDocument } from "yaml";
import type { Estate } from "./estateFile";
import { slug } from "./estateNames";
import { estateSections, placedTenants } from "./estatePlacement";

/** Every tenant entry of a parsed file, by path: Acronis tenants at every level, HCP tenants. */
function tenantPaths(estate: Estate): (string | number)[][] {
  return estateSections(estate).flatMap((section) => [
    ...placedTenants(section).map((t) => t.path),
    ...(section.hcp?.tenants ?? []).map((_, i) => [...section.path, "hcp", "tenants", i]),
  ]);
}

/**
 * The file with `key: <slug of the name>` added to each tenant that has none: the identity its resources
 * already have, so the plan does not change. The lines are inserted into the text as it is, first in each
 * entry as `export` writes them: comments, order, quoting and spacing stay byte for byte.
 */
export function withKeys(text: string): { text: string; added: number } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { text, added: 0 };
  const estate = doc.toJS({ maxAliasCount: 100 }) as Estate;
  const insertions: { at: number; line: string }[] = [];
  for (const path of tenantPaths(estate)) {
    const entry = doc.getIn(path, true) as Node | undefined;
    if (!isMap(entry) || entry.has("key")) continue;
    const name = entry.get("name");
    const first = entry.items[0]?.key as Node | undefined;
    const at = first?.range?.[0];
    if (typeof name !== "string" || at === undefined || !isScalar(first)) continue;
    const key = first.type === "QUOTE_DOUBLE" ? `"key": "${slug(name)}"` : `key: ${slug(name)}`;
    // A block entry gets a line of its own at its first key's column; a flow entry a first member.
    const indent = " ".repeat(at - (text.lastIndexOf("\n", at - 1) + 1));
    insertions.push({ at, line: entry.flow ? `${key}, ` : `${key}\n${indent}` });
  }
  let result = text;
  for (const { at, line } of insertions.sort((a, b) => b.at - a.at))
    result = result.slice(0, at) + line + result.slice(at);
  return { text: result, added: insertions.length };
}
