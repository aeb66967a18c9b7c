/**
 * "Did you mean" for misspelt names: the known name nearest to what was written, when it is near enough
 * to be a typo rather than another word.
 */

/** Levenshtein distance, ignoring case: insertions, deletions and substitutions of one character each. */
export function editDistance(a: string, b: string): number {
  const [from, to] = [a.toLowerCase(), b.toLowerCase()];
  let previous = Array.from({ length: to.length + 1 }, (_, j) => j);
  for (let i = 1; i <= from.length; i++) {
    const current = [i];
    for (let j = 1; j <= to.length; j++) {
      const substitution = previous[j - 1] + (from[i - 1] === to[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[to.length];
}

/**
 * A third of the word's length, at least one, and less than either word (`c` is no typo of `a`):
 * `workstation` → `workstations`, never `storage` → `license`.
 */
const tolerance = (word: string, name: string) =>
  Math.min(Math.max(1, Math.floor(word.length / 3)), Math.min(word.length, name.length) - 1);

/** The candidate nearest to `word` within the tolerance (the first of equals), or undefined. */
export function nearestName(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word, name);
    if (distance === 0 && name !== word) return name;
    if (distance > tolerance(word, name) || (best && best.distance <= distance)) continue;
    best = { name, distance };
  }
  return best?.name;
}

/** `: did you mean "workstations"?`, or nothing when no known name is near. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const nearest = nearestName(word, candidates);
  return nearest === undefined ? "" : `: did you mean "${nearest}"?`;
}
