import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { repoRoot } from "../support/engine";
import {
  anchorsOf,
  linesNotInOrder,
  localLinks,
  markedBlocks,
  repositoryPathsNamed,
  type Table,
  tableCells,
  tableProblems,
  tablesIn,
  withoutFencedCode,
} from "../support/markdown";

/** README.md, CONTRIBUTING.md and every page under docs/, by their path in the repository. */
const documents = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(path.join(repoRoot, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

describe("the documentation", () => {
  it("names only repository paths that exist", () => {
    const missing = documents.flatMap((doc) =>
      repositoryPathsNamed(withoutFencedCode(read(doc)))
        .filter((named) => !existsSync(path.join(repoRoot, named)))
        .map((named) => `${doc}: ${named}`),
    );
    expect(missing).to.deep.equal([]);
  });

  it("links only to files and headings that exist", () => {
    const broken = documents.flatMap((doc) =>
      localLinks(withoutFencedCode(read(doc))).flatMap(({ target, anchor }) => {
        const file = target === "" ? doc : path.normalize(path.join(path.dirname(doc), target));
        if (!existsSync(path.join(repoRoot, file))) return [`${doc}: ${target}`];
        if (anchor !== undefined && file.endsWith(".md") && !anchorsOf(read(file)).includes(anchor))
          return [`${doc}: ${target}#${anchor} (no such heading)`];
        return [];
      }),
    );
    expect(broken).to.deep.equal([]);
  });

  it("has only tables that render: a header row, a separator row, and rows of the header's width", () => {
    const problems = documents.flatMap((doc) =>
      tablesIn(withoutFencedCode(read(doc))).flatMap((table) =>
        tableProblems(table).map((p) => `${doc} ${p}`),
      ),
    );
    expect(problems).to.deep.equal([]);
  });

  it("shows in the README's YAML quick start an excerpt of examples/yaml/Pulumi.yaml, which the tests deploy", () => {
    const block = markedBlocks(read("README.md"), "quick-start-yaml")["Pulumi.yaml"];
    expect(block).to.be.a("string");
    expect(linesNotInOrder(block, read("examples/yaml/Pulumi.yaml"))).to.deep.equal([]);
  });

  it("shows in docs/plugin.md an excerpt of examples/go/main.go, which the tests deploy", () => {
    const block = markedBlocks(read("docs/plugin.md"), "plugin-go")["main.go"];
    expect(block).to.be.a("string");
    expect(linesNotInOrder(block, read("examples/go/main.go"))).to.deep.equal([]);
  });
});

describe("the documentation checks", () => {
  const table = (...rows: string[]): Table => ({ line: 1, rows });

  it("find a table without its header row, and a row of another width", () => {
    const headless = table(
      "| `hcp:domain` | `HCP_DOMAIN` | the domain |",
      "| `hcp:port` | `HCP_PORT` | 9090 |",
    );
    expect(tableProblems(headless)).to.deep.equal([
      "line 1: the header row is not followed by a separator row (| --- | --- |)",
    ]);
    expect(tableProblems(table("| a | b |", "| --- | ---: |", "| 1 | 2 | 3 |"))).to.deep.equal([
      "line 3: 3 columns, the header has 2",
    ]);
    expect(tableProblems(table("| a | b |", "| --- | :---: |", "| `x\\|y` | 2 |"))).to.deep.equal([]);
  });

  it("split cells on every pipe not escaped, inside inline code too, as GitHub does", () => {
    expect(tableCells("| `POST|DELETE` | two \\| three |")).to.deep.equal([
      "`POST",
      "DELETE`",
      "two \\| three",
    ]);
  });

  it("read paths and links from prose, not from code blocks, and skip patterns and placeholders", () => {
    const prose = withoutFencedCode(
      "See `provider/core/retryTiming.ts`, `provider/*/specs/*.ts`, `<dir>/.pulumi` and [x](docs/state.md#what).\n```sh\ncat `sdk/nowhere.ts`\n```\n",
    );
    expect(repositoryPathsNamed(prose)).to.deep.equal(["provider/core/retryTiming.ts"]);
    expect(localLinks(prose)).to.deep.equal([{ target: "docs/state.md", anchor: "what" }]);
  });

  it("find an excerpt's lines that its source lacks or has in another order, its comments aside", () => {
    const source = "a: 1\nb:\n  c: 2\nd: 3\n";
    expect(linesNotInOrder("a: 1\n# …\n  c: 2\n", source)).to.deep.equal([]);
    expect(linesNotInOrder("d: 3\na: 1\n  c: 20\n", source)).to.deep.equal(["a: 1", "  c: 20"]);
  });

  it("make anchors as GitHub does", () => {
    expect(
      anchorsOf("## `error: failed to load checkpoint: EOF`\n## The refresh trap: refresh fails\n"),
    ).to.deep.equal(["error-failed-to-load-checkpoint-eof", "the-refresh-trap-refresh-fails"]);
  });
});
