/** Reading the project's markdown as a renderer would: fenced code apart, tables, paths and links. */

/** The text with every fenced code block blanked out (line numbers kept), so only prose is read. */
export function withoutFencedCode(text: string): string {
  let fenced = false;
  return text
    .split("\n")
    .map((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return "";
      }
      return fenced ? "" : line;
    })
    .join("\n");
}

/** The top-level folders of the repository whose paths the documents name. */
const repositoryFolders = [
  ".ci",
  "bench",
  "cli",
  "contract",
  "docs",
  "emulator",
  "examples",
  "provider",
  "scripts",
  "sdk",
  "test",
  "tools",
];

/** Repository paths named in inline code (`provider/core/transport.ts`), patterns and placeholders left out. */
export function repositoryPathsNamed(prose: string): string[] {
  const named = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());
  const pattern = new RegExp(
    `^(${repositoryFolders.map((f) => f.replace(".", "\\.")).join("|")})/[\\w./-]*$`,
  );
  return [...new Set(named.filter((p) => pattern.test(p)))];
}

export interface Link {
  target: string;
  anchor?: string;
}

/** Every markdown link that is not to the web or an e-mail address: its file (empty: this one) and anchor. */
export function localLinks(prose: string): Link[] {
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((href) => !/^[a-z]+:/i.test(href))
    .map((href) => {
      const [target, anchor] = href.split("#");
      return anchor === undefined ? { target } : { target, anchor };
    });
}

/** The anchor a heading gets on GitHub: lower case, punctuation dropped, spaces as dashes. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a document's headings. */
export function anchorsOf(text: string): string[] {
  return [...withoutFencedCode(text).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingAnchor(m[1]));
}

/** The cells of a table row, split as GitHub does: on every `|` not escaped as `\\|`, inside inline code too. */
export function tableCells(row: string): string[] {
  const cells = row.split(/(?<!\\)\|/);
  // The outer pipes leave an empty first and last cell.
  return cells.slice(1, -1).map((c) => c.trim());
}

export interface Table {
  line: number;
  rows: string[];
}

/** Every run of lines that start with `|`, with the line number of its first. */
export function tablesIn(prose: string): Table[] {
  const tables: Table[] = [];
  prose.split("\n").forEach((line, i) => {
    const last = tables[tables.length - 1];
    if (!line.trimStart().startsWith("|")) return;
    if (last && last.line + last.rows.length === i + 1) last.rows.push(line.trim());
    else tables.push({ line: i + 1, rows: [line.trim()] });
  });
  return tables;
}

/** What keeps a table from rendering: no separator row under the header, or a row of another width. */
export function tableProblems(table: Table): string[] {
  const [header, separator, ...body] = table.rows.map(tableCells);
  const problems: string[] = [];
  if (!separator?.every((cell) => /^:?-{3,}:?$/.test(cell)))
    problems.push(`line ${table.line}: the header row is not followed by a separator row (| --- | --- |)`);
  [separator ?? [], ...body].forEach((cells, i) => {
    if (cells.length !== header.length)
      problems.push(`line ${table.line + i + 1}: ${cells.length} columns, the header has ${header.length}`);
  });
  return problems;
}

/** The fenced code blocks that follow an HTML comment `<!-- <marker>: NAME -->`, by NAME. */
export function markedBlocks(text: string, marker: string): Record<string, string> {
  const pattern = new RegExp(`<!-- ${marker}: (\\S+) -->\\n\`\`\`[^\\n]*\\n([\\s\\S]*?)\`\`\`\\n`, "g");
  return Object.fromEntries([...text.matchAll(pattern)].map((m) => [m[1], m[2]]));
}

/**
 * The lines of an excerpt that its source does not have in the same order (its own `#` comments, which
 * stand for what it leaves out, aside): empty when the excerpt is the source with lines left out.
 */
export function linesNotInOrder(excerpt: string, source: string): string[] {
  const sourceLines = source.split("\n");
  let next = 0;
  return excerpt
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("#"))
    .filter((line) => {
      const found = sourceLines.indexOf(line, next);
      if (found === -1) return true;
      next = found + 1;
      return false;
    });
}
