import { isAlias, isMap, isScalar, isSeq, type Node } from "yaml";
import { controlCharacter } from "../provider/core/validate";
import { propertyName } from "./estateNames";

/** The largest estate file read: far above any real estate (the sample is 4 KiB), far below what hurts. */
export const maxEstateBytes = 16 * 1024 * 1024;

/** Properties that name or identify something: one line, no control character at all (not even a tab). */
const singleLineProperties = new Set([
  "key",
  "name",
  "login",
  "username",
  "firstname",
  "lastname",
  "email",
  "customerId",
  "internalTag",
]);

/** The size rule, stated once for the error and the docs. */
export function sizeProblem(file: string, bytes: number): string | undefined {
  if (bytes <= maxEstateBytes) return undefined;
  return `${file}: the file has ${bytes} bytes; an estate file may have at most ${maxEstateBytes} (16 MiB)`;
}

/** The offset where the first ill-formed UTF-8 sequence starts, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 >= bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** Line and column (in characters, from 1) of a byte offset, the way the loader reports YAML positions. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, col: [...before].length + 1 };
}

/** The file's text, or the one problem that keeps it from being text: too large, or not UTF-8. */
export function decodeEstate(file: string, bytes: Uint8Array): { text: string } | { problem: string } {
  const tooLarge = sizeProblem(file, bytes.length);
  if (tooLarge) return { problem: tooLarge };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const offset = Math.max(firstInvalidUtf8(bytes), 0);
    const { line, col } = bytePosition(bytes, offset);
    const byte = bytes[offset].toString(16).toUpperCase().padStart(2, "0");
    return {
      problem: `${file}:${line}:${col}: the file is not valid UTF-8 (byte 0x${byte} at offset ${offset})`,
    };
  }
}

/**
 * Values the APIs cannot mean, found in one walk of the parsed file: numbers that are not finite (`1e400`
 * loads as Infinity, which JSON sends as null, "unlimited") and control characters in text.
 */
export function unmeantValues(
  root: Node | null | undefined,
  at: (offset: number | undefined) => string,
): { problems: string[]; paths: Set<string> } {
  const problems: string[] = [];
  const paths = new Set<string>();
  const report = (path: (string | number)[], offset: number | undefined, rule: string) => {
    problems.push(`${at(offset)}: ${propertyName(path)} ${rule}`);
    paths.add(pointer(path));
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const name = String(key);
        const control = controlCharacter(name, false);
        if (control)
          report(path, (pair.key as Node | null)?.range?.[0], `has a property name that ${control}`);
        else walk(pair.value, [...path, name]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    } else if (isScalar(node) && !isAlias(node)) {
      const value = node.value;
      if (typeof value === "number" && !Number.isFinite(value))
        report(path, node.range?.[0], `must be a finite number, got ${node.source ?? String(value)}`);
      if (typeof value === "string") {
        const last = path[path.length - 1];
        const control = controlCharacter(
          value,
          !(typeof last === "string" && singleLineProperties.has(last)),
        );
        if (control) report(path, node.range?.[0], control);
      }
    }
  };
  walk(root, []);
  return { problems, paths };
}

/** A JSON pointer of a path, as ajv's instancePath spells it. */
export function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
