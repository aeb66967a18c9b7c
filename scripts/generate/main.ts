import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { resourceSpecs } from "../../provider/specs";
import { resourceReference } from "./docs";
import { withPackages } from "./estatePackages";
import { estateSchema } from "./estateSchema";
import { estateTypesModule } from "./estateTypes";
import { formatted } from "./format";
import { providerTypesModule } from "./providerTypes";
import { packageSchema } from "./schema";
import { sdkModule, sdkTypesModule } from "./sdk";

/** The repository root (this file is dist/scripts/generate/main.js). */
const root = path.resolve(__dirname, "../../..");

/** Every generated file, by path from the root, with the text it must have. */
export function generatedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const spec of resourceSpecs) {
    const file = `sdk/generated/${spec.entry}.ts`;
    files[file] = formatted(root, file, sdkModule(spec));
  }
  files["sdk/generated/types.ts"] = formatted(root, "sdk/generated/types.ts", sdkTypesModule(resourceSpecs));
  files["sdk/generated/estateFields.ts"] = formatted(
    root,
    "sdk/generated/estateFields.ts",
    estateTypesModule(resourceSpecs),
  );
  for (const vendor of ["acronis", "hcp"] as const) {
    const file = `provider/generated/${vendor}.ts`;
    files[file] = formatted(root, file, providerTypesModule(resourceSpecs, vendor));
  }
  const schema = JSON.parse(readFileSync(path.join(root, "schema.json"), "utf8"));
  files["schema.json"] = `${JSON.stringify(packageSchema(schema, resourceSpecs), null, 2)}\n`;
  files["docs/resources.md"] = resourceReference(resourceSpecs);
  const estate = JSON.parse(readFileSync(path.join(root, "estate.schema.json"), "utf8"));
  files["estate.schema.json"] =
    `${JSON.stringify(withPackages(estateSchema(estate, resourceSpecs)), null, 2)}\n`;
  return files;
}

/** Paths whose text on disk differs from what the specs generate. */
export function staleFiles(): string[] {
  return Object.entries(generatedFiles())
    .filter(([file, text]) => readFileSync(path.join(root, file), { encoding: "utf8", flag: "a+" }) !== text)
    .map(([file]) => file);
}

if (require.main === module) {
  for (const [file, text] of Object.entries(generatedFiles())) {
    // The generated files may all have been deleted: the generator needs none of them.
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  console.log(`generated ${Object.keys(generatedFiles()).length} files from ${resourceSpecs.length} specs`);
}
