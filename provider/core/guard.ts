import type * as pulumi from "@pulumi/pulumi";
import { type Api, type ConfigSource, readReliabilitySettings } from "./config";
import { operationContext } from "./operation";
import { PartialCreateError } from "./resource";

type Provider = pulumi.dynamic.ResourceProvider;

/** The natural name of the object an operation is about: its name, login or tenant, else its id. */
function subjectOf(inputs: unknown, id?: string): string {
  const values = (inputs ?? {}) as Record<string, unknown>;
  for (const key of ["name", "login", "tenant"]) {
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
 * Wraps a resource provider so that every operation fails with one clear line and the four that call
 * the API stop retrying at the operation deadline (`<api>:operationTimeoutMs`): the engine does not
 * pass `customTimeouts` to dynamic providers.
 */
export function guarded(provider: Provider, type: string, api: Api): Provider {
  let config: ConfigSource | undefined;
  const run = async <T>(operation: string, subject: string, task: () => Promise<T>): Promise<T> => {
    let deadlineMs: number;
    try {
      deadlineMs = readReliabilitySettings(api, config).operationTimeoutMs;
    } catch (err) {
      throw describeFailure(type, operation, subject, err);
    }
    const label = `${operation} ${type} ${subject}`.trim();
    try {
      return await operationContext.run({ deadline: Date.now() + deadlineMs, label }, task);
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
      run("check", subjectOf(news), async () =>
        provider.check ? provider.check(olds, news) : { inputs: news },
      ),
    diff: (id, olds, news) =>
      run("diff", subjectOf(news, id), async () => (provider.diff ? provider.diff(id, olds, news) : {})),
    create: (inputs) => run("create", subjectOf(inputs), () => provider.create(inputs)),
    read: (id, props) =>
      run("read", subjectOf(props, id), async () =>
        provider.read ? provider.read(id, props) : { id, props },
      ),
    update: (id, olds, news) =>
      run("update", subjectOf(news, id), async () =>
        provider.update ? provider.update(id, olds, news) : {},
      ),
    delete: (id, props) => run("delete", subjectOf(props, id), async () => provider.delete?.(id, props)),
  };
}
