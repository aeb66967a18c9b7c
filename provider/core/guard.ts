import type * as pulumi from "@pulumi/pulumi";
import type { AccessCheck } from "./accessProof";
import { accountPattern, accountSettings, inAccount, withAccount } from "./accounts";
// Every provider entry loads this module, in the program and in each dynamic-provider host.
import "./heap";
import { type ConfigSource, readReliabilitySettings } from "./config";
import { isUnknown, jsonEqual } from "./normalise";
import { operationContext } from "./operation";
import { PartialCreateError, type PropertyRules } from "./resource";
import { propertyRules, type ResourceSpec } from "./spec";
import { keepWriteOnlyOutputs, unchangedOutputs, withWriteOnlyInputs } from "./storedForm";

type Provider = pulumi.dynamic.ResourceProvider;

/** A resource provider with the spec it implements: the guard takes the type, API and rules from it. */
export interface SpecifiedProvider extends Provider {
  readonly spec: ResourceSpec;
}

/** The natural name of the object an operation is about: its name, login or tenant, else its id. */
function subjectOf(inputs: unknown, id?: string, specKey?: string): string {
  const values = (inputs ?? {}) as Record<string, unknown>;
  for (const key of [...(specKey ? [specKey] : []), "name", "login", "tenant"]) {
    if (typeof values[key] === "string") return `"${values[key]}"`;
  }
  return id ?? "";
}

/**
 * One error line for the user: the resource type, the object, the operation, then the vendor's code and
 * message as the clients word them. No stack trace (the host would print it as if it were the error).
 */
export function describeFailure(type: string, operation: string, subject: string, err: unknown): Error {
  const cause = err instanceof Error ? err.message : String(err);
  const message = `${type}${subject ? ` ${subject}` : ""}: ${operation}: ${cause}`;
  if (err instanceof PartialCreateError) {
    err.message = message;
    err.stack = message;
    return err;
  }
  const described = new Error(message);
  described.stack = message;
  return described;
}

/**
 * Values the API holds in another form than the program wrote ("60.00 GB" for "60 GB") keep the
 * program's form while they are equal, so a plan lists only properties that really change.
 */
export function keepDeclaredForm<T extends object | undefined>(
  rules: PropertyRules,
  declared: object,
  held: T,
): T {
  if (!held) return held;
  const kept: Record<string, unknown> = { ...held };
  const given = declared as Record<string, unknown>;
  for (const [key, rule] of Object.entries(rules)) {
    const [wrote, holds] = [given[key], kept[key]];
    if (!rule.normalise || rule.createOnly || wrote === undefined || holds === undefined || holds === null)
      continue;
    if (jsonEqual(rule.normalise(wrote), rule.normalise(holds))) kept[key] = wrote;
  }
  return kept as T;
}

/** The account an object lives in goes with its outputs, so read and delete reach the same account. */
function withAccountOf<T extends object | undefined>(from: { account?: unknown } | undefined, outs: T): T {
  if (!outs || typeof from?.account !== "string") return outs;
  return { ...outs, account: from.account } as T;
}

/** A bad account name, refused at check like any other property. */
function accountFailures(news: { account?: unknown } | undefined): pulumi.dynamic.CheckFailure[] {
  const account = news?.account;
  if (account === undefined || account === null) return [];
  if (typeof account === "string" && account.length <= 32 && accountPattern.test(account)) return [];
  return [
    {
      property: "account",
      reason: "account must be lower-case letters, digits and dashes, at most 32 characters",
    },
  ];
}

/**
 * A failure reported against the resource, not a property: the engine prints a property's failure as
 * `property items[0].name value {<nil>} has a problem`, looking the path up as a top-level key. Every
 * reason already starts with its property path.
 */
function againstResource(failure: pulumi.dynamic.CheckFailure): pulumi.dynamic.CheckFailure {
  return { property: "", reason: failure.reason };
}

/**
 * Wraps a resource provider so that every operation fails with one clear line and the four that call
 * the API stop retrying at the operation deadline (`<api>:operationTimeoutMs`): the engine does not
 * pass `customTimeouts` to dynamic providers.
 */
export function guarded(provider: SpecifiedProvider): Provider {
  const spec = withAccount(provider.spec);
  const { type, module: api } = spec;
  const rules = propertyRules(spec);
  let config: ConfigSource | undefined;
  const run = async <T>(
    operation: string,
    subject: string,
    task: () => Promise<T>,
    account?: unknown,
  ): Promise<T> => {
    const named = typeof account === "string" && account !== "" ? account : undefined;
    let deadlineMs: number;
    try {
      const scoped = accountSettings(api, named, config);
      deadlineMs = inAccount(api, named, () =>
        readReliabilitySettings(api, scoped.config, scoped.env),
      ).operationTimeoutMs;
    } catch (err) {
      throw describeFailure(type, operation, subject, err);
    }
    const label = `${operation} ${type} ${subject}`.trim();
    try {
      return await operationContext.run({ deadline: Date.now() + deadlineMs, label, account: named }, task);
    } catch (err) {
      throw describeFailure(type, operation, subject, err);
    }
  };
  return {
    async configure(req) {
      config = req.config;
      await provider.configure?.(req);
    },
    check: (olds, news) =>
      run(
        "check",
        subjectOf(news, undefined, spec.subject),
        async () => {
          const checked = provider.check ? await provider.check(olds, news) : { inputs: news };
          const failures = [...(checked.failures ?? []), ...accountFailures(news)];
          // Valid inputs of a known account: the account's credentials and address are proven before any write.
          if (failures.length === 0 && !isUnknown(news?.account))
            await (provider as Partial<AccessCheck>).verifyAccess?.();
          return { ...checked, failures: failures.map(againstResource) };
        },
        news?.account,
      ),
    diff: (id, olds, news) =>
      run(
        "diff",
        subjectOf(news, id, spec.subject),
        async () => {
          const diff = provider.diff ? await provider.diff(id, olds, news) : {};
          if ((olds?.account ?? "") === (news?.account ?? "")) return diff;
          // Another account is another system: the object is made anew there.
          return { ...diff, changes: true, replaces: [...(diff.replaces ?? []), "account"] };
        },
        olds?.account,
      ),
    create: (inputs) =>
      run(
        "create",
        subjectOf(inputs, undefined, spec.subject),
        async () => {
          const created = await provider.create(inputs);
          const outs = withWriteOnlyInputs(rules, inputs, keepDeclaredForm(rules, inputs, created.outs));
          return { ...created, outs: withAccountOf(inputs, outs) };
        },
        inputs?.account,
      ),
    read: (id, props) =>
      run(
        "read",
        subjectOf(props, id, spec.subject),
        async () => {
          const read = provider.read ? await provider.read(id, props) : { id, props };
          const previous = props ?? {};
          const refreshed = keepWriteOnlyOutputs(rules, previous, read.props);
          const outputs = withAccountOf(previous, keepDeclaredForm(rules, previous, refreshed));
          // Found as stored: no inputs in the answer, so the engine keeps the stored ones and shows no change.
          if (outputs && unchangedOutputs(previous, outputs)) return { id: read.id, props: outputs };
          return {
            ...read,
            props: outputs,
            inputs: withAccountOf(previous, keepDeclaredForm(rules, previous, read.inputs)),
          };
        },
        props?.account,
      ),
    update: (id, olds, news) =>
      run(
        "update",
        subjectOf(news, id, spec.subject),
        async () => {
          const updated = provider.update ? await provider.update(id, olds, news) : {};
          const outs = withWriteOnlyInputs(rules, news, keepDeclaredForm(rules, news, updated.outs));
          return { ...updated, outs: withAccountOf(news, outs) };
        },
        news?.account,
      ),
    delete: (id, props) =>
      run(
        "delete",
        subjectOf(props, id, spec.subject),
        async () => provider.delete?.(id, props),
        props?.account,
      ),
  };
}
