import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { readAcronisSettings } from "../../provider/acronis/config";
import { readHcpSettings } from "../../provider/hcp/config";
import { repoRoot } from "../support/engine";

interface SchemaResource {
  inputProperties: Record<string, unknown>;
  requiredInputs: string[];
  properties: Record<string, unknown>;
}

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schema.json"), "utf8")) as {
  config: { variables: Record<string, unknown> };
  resources: Record<string, SchemaResource>;
};

/** Property names of `interface <name> { … }` or `class <name> … { … }` in a declaration file, with optionality. */
function declaredMembers(dts: string, header: RegExp): { name: string; optional: boolean }[] {
  const start = dts.search(header);
  if (start < 0) return [];
  const body = dts.slice(dts.indexOf("{", start) + 1, dts.indexOf("\n}", start));
  return [...body.matchAll(/^ {4}(?:readonly )?(\w+)(\??):/gm)].map((m) => ({
    name: m[1],
    optional: m[2] === "?",
  }));
}

const sdkDir = path.join(repoRoot, "dist", "sdk", "generated");
const declarations = readdirSync(sdkDir)
  .filter((f) => f.endsWith(".d.ts"))
  .map((f) => readFileSync(path.join(sdkDir, f), "utf8"))
  .join("\n");

describe("schema.json and the SDK", () => {
  for (const [token, resource] of Object.entries(schema.resources)) {
    const className = token.split(":").pop() as string;

    describe(token, () => {
      const args = declaredMembers(declarations, new RegExp(`export interface ${className}Args \\{`));
      const outputs = declaredMembers(declarations, new RegExp(`export declare class ${className} extends`));

      it("has an SDK class and args interface", () => {
        expect(args, `${className}Args`).to.not.be.empty;
        expect(outputs, className).to.not.be.empty;
      });

      it("lists exactly the SDK's inputs, and the same required ones", () => {
        expect(Object.keys(resource.inputProperties).sort()).to.deep.equal(args.map((a) => a.name).sort());
        expect([...resource.requiredInputs].sort()).to.deep.equal(
          args
            .filter((a) => !a.optional)
            .map((a) => a.name)
            .sort(),
        );
      });

      it("lists exactly the SDK's outputs", () => {
        expect(Object.keys(resource.properties).sort()).to.deep.equal(outputs.map((o) => o.name).sort());
      });
    });
  }

  for (const [prefix, read] of [
    ["acronis:", readAcronisSettings],
    ["hcp:", readHcpSettings],
  ] as const) {
    it(`declares exactly the ${prefix}* settings the providers read`, () => {
      const asked: string[] = [];
      const recorder = {
        get: (key: string) => {
          asked.push(key);
          return undefined;
        },
      };
      read(recorder, {});
      const declared = Object.keys(schema.config.variables).filter((k) => k.startsWith(prefix));
      expect(declared.sort()).to.deep.equal([...new Set(asked)].sort());
    });
  }
});
