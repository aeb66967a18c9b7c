import { EstateError, loadEstate } from "../../sdk/estate";

/** The problems the loader finds in an estate file's content, named `estate.yaml`; none when it loads. */
export function estateProblems(content: string | Uint8Array): string[] {
  try {
    loadEstate("estate.yaml", content);
  } catch (err) {
    if (err instanceof EstateError) return err.problems;
    throw err;
  }
  return [];
}
