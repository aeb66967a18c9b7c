import { expect } from "chai";
import fc from "fast-check";
import {
  ConflictError,
  describeApiError,
  errorClassForStatus,
  NotFoundError,
  ServerError,
} from "../../provider/core/errors";
import { KeyedMutex, Semaphore } from "../../provider/core/limits";
import {
  isUnknown,
  jsonEqual,
  normaliseBoolean,
  plain,
  sortedSet,
  unknownValue,
} from "../../provider/core/normalise";
import { operationContext, pastDeadline } from "../../provider/core/operation";
import {
  defaultRetryPolicy,
  isIdempotentMethod,
  parseRetryAfter,
  retryDelayMs,
} from "../../provider/core/retryTiming";

describe("retry timing", () => {
  it("reads Retry-After as seconds", () => {
    expect(parseRetryAfter("7", 0)).to.equal(7000);
    expect(parseRetryAfter(" 0 ", 0)).to.equal(0);
  });

  it("reads Retry-After as an HTTP date, relative to now", () => {
    const now = Date.parse("Sun, 22 Nov 2026 10:00:00 GMT");
    expect(parseRetryAfter("Sun, 22 Nov 2026 10:00:30 GMT", now)).to.equal(30_000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now)).to.equal(0);
  });

  it("ignores a missing or unparsable Retry-After", () => {
    expect(parseRetryAfter(undefined, 0)).to.equal(undefined);
    expect(parseRetryAfter("soon", 0)).to.equal(undefined);
    expect(parseRetryAfter("", 0)).to.equal(undefined);
  });

  it("honours the server's delay, capped", () => {
    expect(retryDelayMs(1, defaultRetryPolicy, 3000)).to.equal(3000);
    expect(retryDelayMs(1, defaultRetryPolicy, 10 * 60_000)).to.equal(defaultRetryPolicy.maxDelayMs);
    // Within an operation the transport bounds it by the deadline instead.
    expect(retryDelayMs(1, defaultRetryPolicy, 10 * 60_000, Math.random, true)).to.equal(10 * 60_000);
  });

  it("backs off exponentially with jitter inside [ceiling/2, ceiling] (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (retry, r) => {
          const ceiling = Math.min(
            defaultRetryPolicy.baseDelayMs * 2 ** (retry - 1),
            defaultRetryPolicy.maxDelayMs,
          );
          const delay = retryDelayMs(retry, defaultRetryPolicy, undefined, () => r);
          return delay >= Math.floor(ceiling / 2) && delay <= ceiling;
        },
      ),
    );
  });

  it("treats only safe methods as idempotent", () => {
    expect(["GET", "HEAD", "PUT", "DELETE"].map(isIdempotentMethod)).to.deep.equal([true, true, true, true]);
    expect(isIdempotentMethod("POST")).to.equal(false);
  });
});

describe("errors", () => {
  it("renders the vendor, operation, status, code and message in one line", () => {
    const message = describeApiError({
      vendor: "Acronis",
      operation: "PUT /tenants/x",
      status: 409,
      code: 1001,
      vendorMessage: "Version mismatch",
    });
    expect(message).to.equal("Acronis PUT /tenants/x failed: HTTP 409, code 1001: Version mismatch");
    expect(message).to.not.include("\n");
  });

  it("maps statuses to one class per kind", () => {
    expect(errorClassForStatus(404)).to.equal(NotFoundError);
    expect(errorClassForStatus(409)).to.equal(ConflictError);
    expect(errorClassForStatus(503)).to.equal(ServerError);
  });
});

describe("normalisers", () => {
  it("reads booleans the ways the APIs write them", () => {
    expect([true, "true", "t", "1", 1, "TRUE"].map(normaliseBoolean)).to.deep.equal([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([false, "false", "f", "0", 0].map(normaliseBoolean)).to.deep.equal([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(normaliseBoolean("maybe")).to.equal(undefined);
  });

  it("compares JSON ignoring key order and undefined keys", () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).to.equal(true);
    expect(jsonEqual({ a: 1, x: undefined }, { a: 1 })).to.equal(true);
    expect(jsonEqual([1, 2], [2, 1])).to.equal(false);
    expect(jsonEqual({ a: null }, { a: 0 })).to.equal(false);
  });

  it("jsonEqual agrees with a canonical JSON comparison (property)", () => {
    const canonical = (v: unknown): string =>
      JSON.stringify(v, (_k, x) =>
        x && typeof x === "object" && !Array.isArray(x)
          ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          : x,
      );
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        (a, b) => jsonEqual(a, b) === (canonical(a) === canonical(b)),
      ),
    );
  });

  it("sortedSet sorts and de-duplicates", () => {
    expect(sortedSet(["b", "a", "b"])).to.deep.equal(["a", "b"]);
    expect(sortedSet(undefined)).to.deep.equal([]);
  });

  it("plain drops undefined, which the engine's Struct cannot carry", () => {
    expect(plain({ a: 1, b: undefined, c: { d: undefined } })).to.deep.equal({ a: 1, c: {} });
  });

  it("recognises the preview-time unknown", () => {
    expect(isUnknown(unknownValue)).to.equal(true);
    expect(isUnknown("x")).to.equal(false);
  });
});

describe("limits", () => {
  it("never lets more than the limit run at once", async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 10 }, () => semaphore.run(task)));
    expect(peak).to.equal(2);
  });

  it("runs tasks of one key one after the other, in order, and other keys alongside", async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name}-`);
      if (name === "a1") throw new Error("a1 fails");
    };
    const results = await Promise.allSettled([
      mutex.run("a", task("a1", 10)),
      mutex.run("a", task("a2", 1)),
      mutex.run("b", task("b1", 1)),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal(["rejected", "fulfilled", "fulfilled"]);
    expect(events.indexOf("a1-")).to.be.lessThan(events.indexOf("a2+"));
    expect(events.indexOf("b1+")).to.be.lessThan(events.indexOf("a1-"));
  });
});

describe("operation deadline", () => {
  it("says when a wait would pass the current operation's deadline, and nothing outside an operation", async () => {
    expect(pastDeadline(10_000)).to.equal(undefined);
    await operationContext.run({ deadline: Date.now() + 1000, label: "create X" }, async () => {
      expect(pastDeadline(10)).to.equal(undefined);
      expect(pastDeadline(5000)?.label).to.equal("create X");
    });
  });
});
