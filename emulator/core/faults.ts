/**
 * Seeded fault decisions: which API request gets which fault. Pure and deterministic for one seed.
 *
 * The plan draws once per API request, in the order requests reach it (after their bodies are read).
 * With concurrent requests that order depends on the client's scheduling, so a replay with the same
 * seed reproduces the same faults only for the same arrival order; sequential clients always replay.
 */

/** The fault kinds, as written on the command line (`--fault-kinds 500,429,reset-after`). */
export const FAULT_KINDS = ["500", "503", "429", "slow", "reset-before", "reset-after"] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSettings {
  /** Fraction of API requests that get a fault, 0..1; 0 turns faults off. */
  rate: number;
  /** PRNG seed; the same seed gives the same sequence of decisions. */
  seed: number;
  /** The kinds to choose among, each equally likely. */
  kinds: readonly FaultKind[];
  /** How long a `slow` answer is held back, in milliseconds. */
  slowMs: number;
  /** Only API requests whose path contains this text draw (and may get a fault); "" means every request. */
  path: string;
  /** Only API requests of this method draw, such as "PUT"; "" means every method. */
  method: string;
}

export const DEFAULT_FAULT_SETTINGS: FaultSettings = {
  rate: 0,
  seed: 1,
  kinds: FAULT_KINDS,
  slowMs: 1500,
  path: "",
  method: "",
};

/** Bad fault settings, from the command line or the control endpoint. */
export class FaultSettingsError extends Error {}

export const isFaultKind = (name: unknown): name is FaultKind => FAULT_KINDS.includes(name as FaultKind);

/** The kinds of a comma-separated list such as "500,reset-after". */
export function parseFaultKinds(list: string): FaultKind[] {
  const names = list.split(",").map((name) => name.trim());
  const unknown = names.find((name) => !isFaultKind(name));
  if (unknown !== undefined) throw unknownKind(unknown);
  return names as FaultKind[];
}

const unknownKind = (name: unknown): FaultSettingsError =>
  new FaultSettingsError(`unknown fault kind ${show(name)}; the kinds are ${FAULT_KINDS.join(", ")}`);

/** `base` with the values `changes` defines applied, every value checked. */
export function faultSettings(changes: Partial<FaultSettings>, base = DEFAULT_FAULT_SETTINGS): FaultSettings {
  const defined = Object.entries(changes).filter(([, value]) => value !== undefined);
  const settings: FaultSettings = { ...base, ...Object.fromEntries(defined) };
  if (typeof settings.rate !== "number" || !(settings.rate >= 0 && settings.rate <= 1)) {
    throw new FaultSettingsError(`the fault rate must be a number from 0 to 1, got ${show(settings.rate)}`);
  }
  if (!Number.isSafeInteger(settings.seed)) {
    throw new FaultSettingsError(`the fault seed must be an integer, got ${show(settings.seed)}`);
  }
  if (!Array.isArray(settings.kinds) || settings.kinds.length === 0) {
    throw new FaultSettingsError(`the fault kinds must be a non-empty list of ${FAULT_KINDS.join(", ")}`);
  }
  const unknown = settings.kinds.find((kind) => !isFaultKind(kind));
  if (unknown !== undefined) throw unknownKind(unknown);
  if (!Number.isSafeInteger(settings.slowMs) || settings.slowMs < 0) {
    throw new FaultSettingsError(
      `the slow-answer delay must be a non-negative integer of milliseconds, got ${show(settings.slowMs)}`,
    );
  }
  if (typeof settings.path !== "string") {
    throw new FaultSettingsError(
      `the fault path must be text ("" for every request), got ${show(settings.path)}`,
    );
  }
  if (typeof settings.method !== "string" || !/^([A-Z]+)?$/.test(settings.method)) {
    throw new FaultSettingsError(
      `the fault method must be an HTTP method in capitals such as "PUT" ("" for every method), got ${show(settings.method)}`,
    );
  }
  return { ...settings, kinds: [...new Set(settings.kinds)] };
}

const SETTING_NAMES: readonly string[] = ["rate", "seed", "kinds", "slowMs", "path", "method"];

// Choice: a control POST must give `rate`; the other settings it omits keep their current values.
/** The settings a control request's JSON body `{rate, seed?, kinds?, slowMs?, path?, method?}` asks for. */
export function readFaultSettings(body: unknown, current: FaultSettings): FaultSettings {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new FaultSettingsError('the body must be a JSON object such as {"rate": 0.1}');
  }
  const stray = Object.keys(body).find((name) => !SETTING_NAMES.includes(name));
  if (stray !== undefined) throw new FaultSettingsError(`unknown fault setting "${stray}"`);
  if (!("rate" in body)) throw new FaultSettingsError(`"rate" is required (0 turns faults off)`);
  return faultSettings(body as Partial<FaultSettings>, current);
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** mulberry32: a small 32-bit PRNG, uniform on [0, 1), good enough for test traffic. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sequence of decisions for one seed: `next()` once per API request. */
export class FaultPlan {
  private readonly random: () => number;

  constructor(readonly settings: Pick<FaultSettings, "rate" | "seed" | "kinds">) {
    this.random = mulberry32(settings.seed);
  }

  /** One draw: below `rate` it is a fault, and where it falls inside [0, rate) picks the kind. */
  next(): FaultKind | undefined {
    const { rate, kinds } = this.settings;
    const draw = this.random();
    if (draw >= rate) return undefined;
    return kinds[Math.min(kinds.length - 1, Math.floor((draw / rate) * kinds.length))];
  }
}
