import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import {
  ApiError,
  NetworkError,
  RedirectError,
  ResponseTooLargeError,
  ServerError,
} from "../../provider/core/errors";
import { operationContext } from "../../provider/core/operation";
import { Transport, type TransportResponse } from "../../provider/core/transport";

type Script = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback server answering each request with the next step of a script. */
async function scripted(steps: Script[]): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const step = steps.shift();
    if (step) step(req, res);
    else res.writeHead(599).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const status =
  (code: number, headers: Record<string, string> = {}): Script =>
  (_req, res) =>
    res.writeHead(code, headers).end(code < 300 ? '{"ok":true}' : "");
const reset: Script = (req) => req.socket.destroy();

function transport(url: string, delays: number[], attempts = 4) {
  return new Transport({
    vendor: "Acronis",
    baseUrl: url,
    timeoutMs: 2000,
    retry: { attempts, baseDelayMs: 100, maxDelayMs: 5000 },
    toError: (answer: TransportResponse, operation: string) =>
      new (answer.status >= 500 ? ServerError : ApiError)({
        vendor: "Acronis",
        operation,
        status: answer.status,
      }),
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
}

describe("transport retries", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("repeats an idempotent request after 429, 500, 503 and a reset, honouring Retry-After in both forms", async () => {
    const date = new Date(Date.now() + 3000).toUTCString();
    const s = await scripted([
      status(429, { "Retry-After": "2" }),
      status(503, { "Retry-After": date }),
      status(500),
      reset,
      status(200),
    ]);
    server = s.server;
    const delays: number[] = [];
    const answer = await transport(s.url, delays, 5).send({ method: "GET", path: "/x", operation: "GET /x" });
    expect(answer.status).to.equal(200);
    expect(s.seen).to.have.length(5);
    expect(delays[0]).to.equal(2000);
    expect(delays[1]).to.be.within(1000, 3000);
    expect(delays[2]).to.be.within(200, 400);
  });

  it("never repeats a create after an answer that may mean it was applied, or after a lost answer", async () => {
    for (const outcome of [status(500), status(502), reset]) {
      const s = await scripted([outcome, status(201)]);
      const error = await transport(s.url, [])
        .send({ method: "POST", path: "/tenants", data: {}, operation: "POST /tenants" })
        .catch((e: Error) => e);
      s.server.close();
      expect(s.seen).to.deep.equal(["POST /tenants"]);
      expect(error).to.be.instanceOf(ApiError);
    }
  });

  it("repeats a create after 429 or 503, which say it was not processed", async () => {
    const s = await scripted([status(429, { "Retry-After": "0" }), status(503), status(201)]);
    server = s.server;
    const answer = await transport(s.url, []).send({
      method: "POST",
      path: "/tenants",
      data: {},
      operation: "POST /tenants",
    });
    expect(answer.status).to.equal(201);
    expect(s.seen).to.have.length(3);
  });

  it("fails a redirect at once, saying where it pointed, and follows none; a 3xx the caller expects is returned", async () => {
    const s = await scripted([
      status(301, { Location: "https://elsewhere.example/api/2/tenants" }),
      status(302),
    ]);
    server = s.server;
    const delays: number[] = [];
    const t = transport(s.url, delays);
    const err = await t.send({ method: "GET", path: "/tenants", operation: "GET /tenants" }).catch((e) => e);
    expect(err).to.be.instanceOf(RedirectError);
    expect((err as Error).message).to.match(
      /the API answered with a redirect to https:\/\/elsewhere\.example\/api\/2\/tenants, which is not followed: check the base URL/,
    );
    const expected = await t.send({ method: "HEAD", path: "/x", operation: "HEAD /x", accept: [302] });
    expect(expected.status).to.equal(302);
    expect(s.seen).to.deep.equal(["GET /tenants", "HEAD /x"]);
    expect(delays).to.deep.equal([]);
  });

  it("gives up after the configured attempts with the last answer", async () => {
    const s = await scripted([status(503), status(503), status(503), status(503), status(200)]);
    server = s.server;
    const error = await transport(s.url, [])
      .send({ method: "GET", path: "/x", operation: "GET /x" })
      .catch((e: Error) => e);
    expect(error).to.be.instanceOf(ServerError);
    expect(s.seen).to.have.length(4);
  });

  it("starts no retry past the operation's deadline", async () => {
    const s = await scripted([status(503, { "Retry-After": "30" }), status(200)]);
    server = s.server;
    const error = await operationContext.run({ deadline: Date.now() + 1000, label: "read X" }, () =>
      transport(s.url, [])
        .send({ method: "GET", path: "/x", operation: "GET /x" })
        .catch((e: Error) => e),
    );
    expect(error).to.be.instanceOf(ServerError);
    expect(s.seen).to.have.length(1);
  });

  it("reports a refused connection as a network error that names the call and nothing else", async () => {
    const error = await transport("http://127.0.0.1:1", [])
      .send({
        method: "POST",
        path: "/tenants",
        data: { secret: "s3cr3t" },
        headers: { Authorization: "Bearer t0k3n" },
        operation: "POST /tenants",
      })
      .catch((e: Error) => e);
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as Error).message).to.equal(
      "Acronis POST /tenants failed: code ECONNREFUSED: no answer (ECONNREFUSED)",
    );
    expect(JSON.stringify(error)).to.not.match(/s3cr3t|t0k3n/);
  });
});

describe("transport limits", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it("ends a request whose answer trickles in, however steadily, at its total deadline", async () => {
    let closedByClient = false;
    const s = await scripted([
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        // One byte every 100 ms keeps any idle timeout from ever firing.
        const trickle = setInterval(() => res.write(" "), 100);
        res.on("close", () => {
          clearInterval(trickle);
          closedByClient = true;
        });
      },
    ]);
    server = s.server;
    const t = new Transport({
      ...options(s.url),
      timeoutMs: 1000,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await t
      .send({ method: "GET", path: "/tenants", operation: "GET /tenants" })
      .catch((e) => e);
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as Error).message).to.equal(
      "Acronis GET /tenants failed: code ETIMEDOUT: request timed out: no whole answer within 1000 ms (acronis:requestTimeoutMs)",
    );
    await until(() => closedByClient);
  });

  it("refuses an answer past maxResponseBytes, naming the limit and its key, and stops reading it", async () => {
    const offered = 256 * 1024 * 1024;
    let written = 0;
    let finished = false;
    const s = await scripted([
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        // Writes only as fast as the client reads, so `written` counts what the client took in.
        const pump = () => {
          while (written < offered && !res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          if (written >= offered) res.end(() => (finished = true));
        };
        pump();
      },
    ]);
    server = s.server;
    const t = new Transport({ ...options(s.url), maxResponseBytes: 1024 * 1024 });
    const error = await t
      .send({ method: "GET", path: "/tenants", operation: "GET /tenants" })
      .catch((e) => e);
    expect(error).to.be.instanceOf(ResponseTooLargeError);
    expect((error as Error).message).to.equal(
      "the answer exceeded 1048576 bytes (acronis:maxResponseBytes) and was not read further: raise acronis:maxResponseBytes if the answer is genuine (Acronis GET /tenants failed)",
    );
    expect(s.seen).to.have.length(1);
    expect(finished).to.equal(false);
    // What the client took in stays near the limit (plus socket buffers), nowhere near what was offered.
    expect(written).to.be.below(offered / 8);
  });

  it("honours Retry-After up to the operation's deadline: 45 s asked, waited 45 s (by the injected sleep)", async () => {
    const s = await scripted([status(503, { "Retry-After": "45" }), status(200)]);
    server = s.server;
    const delays: number[] = [];
    const answer = await operationContext.run({ deadline: Date.now() + 600_000, label: "read X" }, () =>
      transport(s.url, delays).send({ method: "GET", path: "/x", operation: "GET /x" }),
    );
    expect(answer.status).to.equal(200);
    expect(delays).to.deep.equal([45_000]);
  });

  it("outside an operation, caps Retry-After at maxDelayMs", async () => {
    const s = await scripted([status(429, { "Retry-After": "45" }), status(200)]);
    server = s.server;
    const delays: number[] = [];
    await transport(s.url, delays).send({ method: "GET", path: "/x", operation: "GET /x" });
    expect(delays).to.deep.equal([5000]);
  });
});

function options(url: string) {
  return {
    vendor: "Acronis" as const,
    baseUrl: url,
    timeoutMs: 5000,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    toError: (answer: TransportResponse, operation: string) =>
      new ApiError({ vendor: "Acronis", operation, status: answer.status }),
  };
}

/** Resolves once `condition` holds, polling; the test's own timeout ends it otherwise. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
