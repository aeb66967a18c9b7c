import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "./normalise";
import { didYouMean } from "./suggest";

/**
 * Validation of resource inputs for `check`. Each rule names the property and says what it wants;
 * a value unknown at preview always passes, because it is checked again when it is known.
 */
export type Failure = pulumi.dynamic.CheckFailure;

export class Validator {
  readonly failures: Failure[] = [];

  private readonly inputs: Record<string, unknown>;

  constructor(inputs: object) {
    this.inputs = inputs as Record<string, unknown>;
  }

  private value(path: string): unknown {
    let current: unknown = this.inputs;
    for (const key of path.split(/[.[\]]+/).filter(Boolean)) {
      if (current === null || typeof current !== "object") return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  }

  fail(property: string, reason: string): this {
    this.failures.push({ property, reason });
    return this;
  }

  /** Runs `rule` when the value is present and known; `required` adds a failure when it is absent. */
  private rule(path: string, required: boolean, rule: (v: unknown) => string | undefined): this {
    const v = this.value(path);
    if (isUnknown(v)) return this;
    if (v === undefined || v === null) return required ? this.fail(path, `${path} is required`) : this;
    const reason = rule(v);
    return reason ? this.fail(path, `${path} ${reason}`) : this;
  }

  string(
    path: string,
    opts: {
      required?: boolean;
      minLength?: number;
      maxLength?: number;
      pattern?: RegExp;
      patternHint?: string;
    } = {},
  ): this {
    return this.rule(path, opts.required ?? false, (v) => {
      if (typeof v !== "string") return `must be a string, got ${describe(v)}`;
      // Before the pattern rule, which quotes the value: a control character must not reach a terminal.
      const control = controlCharacter(v, !singleLineInputs.test(path));
      if (control) return control;
      if (opts.minLength !== undefined && v.trim().length < opts.minLength)
        return `must have at least ${opts.minLength} character(s)`;
      if (opts.maxLength !== undefined && v.length > opts.maxLength)
        return `must have at most ${opts.maxLength} characters, got ${v.length}`;
      if (opts.pattern && !opts.pattern.test(v))
        return `must be ${opts.patternHint ?? `of the form ${opts.pattern}`}, got "${v}"`;
      return undefined;
    });
  }

  uuid(path: string, opts: { required?: boolean } = {}): this {
    return this.string(path, { required: opts.required, pattern: uuidPattern, patternHint: "a UUID" });
  }

  email(path: string, opts: { required?: boolean } = {}): this {
    return this.string(path, {
      required: opts.required,
      maxLength: 254,
      pattern: emailPattern,
      patternHint: "an e-mail address",
    });
  }

  boolean(path: string, opts: { required?: boolean } = {}): this {
    return this.rule(path, opts.required ?? false, (v) =>
      typeof v === "boolean" ? undefined : `must be a boolean, got ${describe(v)}`,
    );
  }

  /** `nullMeans`: what null stands for where it is allowed (`unlimited`), said in every failure. */
  integer(
    path: string,
    opts: { required?: boolean; min?: number; max?: number; nullMeans?: string } = {},
  ): this {
    const hint = opts.nullMeans ? ` (null means ${opts.nullMeans})` : "";
    return this.rule(path, opts.required ?? false, (v) => {
      const reason = integerProblem(v, opts.min, opts.max);
      return reason && `${reason}${hint}`;
    });
  }

  oneOf(path: string, allowed: readonly string[], opts: { required?: boolean } = {}): this {
    return this.rule(path, opts.required ?? false, (v) =>
      typeof v === "string" && allowed.includes(v)
        ? undefined
        : `must be one of ${allowed.join(", ")}, got ${describe(v)}${typeof v === "string" ? didYouMean(v, allowed) : ""}`,
    );
  }

  object(path: string, opts: { required?: boolean } = {}): this {
    return this.rule(path, opts.required ?? false, (v) =>
      typeof v === "object" && !Array.isArray(v) ? undefined : `must be an object, got ${describe(v)}`,
    );
  }

  array(path: string, opts: { required?: boolean; minLength?: number } = {}): this {
    return this.rule(path, opts.required ?? false, (v) => {
      if (!Array.isArray(v)) return `must be a list, got ${describe(v)}`;
      if (opts.minLength !== undefined && v.length < opts.minLength)
        return `must have at least ${opts.minLength} element(s)`;
      return undefined;
    });
  }

  /** Fails on any key the resource does not know, so a typo is not silently ignored; names the nearest known one. */
  knownKeys(allowed: readonly string[], path?: string): this {
    const v = path ? this.value(path) : this.inputs;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return this;
    for (const key of Object.keys(v)) {
      if (key.startsWith("__") || allowed.includes(key)) continue;
      const where = path ? `${path}.${key}` : key;
      const known = allowed.filter((name) => !name.startsWith("__"));
      const hint = didYouMean(key, known) || ` (known: ${known.join(", ")})`;
      this.fail(where, `${where} is not a known property${hint}`);
    }
    return this;
  }
}

function integerProblem(v: unknown, min?: number, max?: number): string | undefined {
  if (typeof v === "number" && !Number.isFinite(v)) return `must be a finite number, got ${v}`;
  if (typeof v !== "number" || !Number.isInteger(v)) return `must be an integer, got ${describe(v)}`;
  if (min !== undefined && v < min) return `must be at least ${min}, got ${v}`;
  if (max !== undefined && v > max) return `must be at most ${max}, got ${v}`;
  return undefined;
}

/**
 * The first control character of a text, described without the text (it may be a secret): C0 and C1 codes
 * and DEL, which no name means and which a terminal may obey; tab and line breaks only where `lineBreaks`.
 */
export function controlCharacter(text: string, lineBreaks: boolean): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (!control || (lineBreaks && (code === 0x09 || code === 0x0a || code === 0x0d))) continue;
    const hex = code.toString(16).toUpperCase().padStart(4, "0");
    return `must not contain control characters (U+${hex} at character ${i + 1})`;
  }
  return undefined;
}

/** Inputs that name or identify an object: a control character there is refused, even a tab or a line break. */
const singleLineInputs =
  /(^|\.)(name|login|username|tenant|namespace|firstname|lastname|email|initialUserName|signInUsername)$/i;

export const uuidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function describe(v: unknown): string {
  if (typeof v === "string") return `"${v}"`;
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}
