import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { connect as tcp } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect as tls } from "node:tls";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { maxRequestBodyBytes } from "../../emulator/core/guards";

type Socket = ReturnType<typeof tcp>;

/** Sends `bytes` as they are and answers the status line the server gave, once it closes or answers whole. */
function rawStatusLine(socket: Socket, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    const done = () => {
      socket.destroy();
      resolve(answer.split("\r\n")[0]);
    };
    socket.on("end", done);
    socket.on("close", done);
    socket.on("error", (err) => (answer ? done() : reject(err)));
    socket.write(bytes);
  });
}

/**
 * Streams a chunked body of up to `offered` bytes, as fast as the server takes it, until the server
 * answers; returns the status line and how many bytes were handed to the socket.
 */
async function streamedBody(
  socket: Socket,
  head: string,
  offered: number,
): Promise<{ status: string; written: number }> {
  let answer = "";
  const answered = new Promise<void>((resolve) => {
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n")) resolve();
    });
    socket.on("close", () => resolve());
  });
  let done = false;
  void answered.then(() => {
    done = true;
  });
  socket.on("error", () => undefined);
  socket.write(head);
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
  let written = 0;
  while (!done && written < offered) {
    written += chunk.length;
    if (!socket.write(framed)) {
      await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), answered]);
    }
  }
  await answered;
  socket.destroy();
  return { status: answer.split("\r\n")[0], written };
}

const request = (method: string, target: string, headers: Record<string, string | number> = {}) =>
  `${method} ${target} HTTP/1.1\r\n${Object.entries({ Host: "localhost", Connection: "close", ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("")}\r\n`;

/** A request from a web page of another origin, and one from the emulator's own page. */
const crossOrigin = { "Content-Length": 0, Origin: "http://attacker.example" };
const crossSite = { "Content-Length": 0, "Sec-Fetch-Site": "cross-site" };

describe("emulators under abuse: every case answered, the emulator serving afterwards", () => {
  let emulators: RunningEmulators;
  let dir: string;
  let stateFile: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "adversarial-"));
    stateFile = join(dir, "state");
    emulators = await startEmulators({ stateFile });
  });
  after(async () => {
    await emulators.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const apis = () => {
    const acronisPort = Number(new URL(emulators.acronis.baseUrl).port);
    const hcpPort = Number(new URL(emulators.hcp.url).port);
    const admin = `admin.${emulators.hcp.domain}`;
    const ca = readFileSync(emulators.hcp.caCertPath);
    return [
      {
        name: "Acronis",
        prefix: "/api/2",
        origin: `http://127.0.0.1:${acronisPort}`,
        host: `127.0.0.1:${acronisPort}`,
        file: `${stateFile}.acronis.json`,
        connect: (): Socket => tcp(acronisPort, "127.0.0.1"),
        // Unauthenticated: the Acronis API answers 401.
        alive: ["GET", "/api/2/tenants", "HTTP/1.1 401 Unauthorized"],
        resetAnswer: "HTTP/1.1 204 No Content",
      },
      {
        name: "HCP",
        prefix: "/mapi",
        origin: `https://${admin}:${hcpPort}`,
        host: `${admin}:${hcpPort}`,
        file: `${stateFile}.hcp.json`,
        connect: (): Socket => tls({ port: hcpPort, host: "127.0.0.1", ca, servername: admin }),
        // Unauthenticated: MAPI answers 403.
        alive: ["GET", "/mapi/tenants", "HTTP/1.1 403 Forbidden"],
        resetAnswer: "HTTP/1.1 200 OK",
      },
    ] as const;
  };

  for (const which of ["Acronis", "HCP"] as const) {
    describe(which, () => {
      const api = () => apis().find((a) => a.name === which) as ReturnType<typeof apis>[number];
      const send = (bytes: string) => rawStatusLine(api().connect(), bytes);
      afterEach(async () => {
        const [method, path, expected] = api().alive;
        expect(await send(request(method, path, { Host: api().host })), "still serving").to.equal(expected);
      });

      for (const [name, bytes, expected] of [
        ["a request line that is no HTTP", "GARBAGE\r\n\r\n", "HTTP/1.1 400 Bad Request"],
        ["a request target that is no URL", request("GET", "//["), "HTTP/1.1 400 Bad Request"],
        [
          "a header line without a colon",
          "GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
          "HTTP/1.1 400 Bad Request",
        ],
        [
          "a control character in the target",
          "GET /a\x01b HTTP/1.1\r\nHost: x\r\n\r\n",
          "HTTP/1.1 400 Bad Request",
        ],
        [
          "headers of 20 KB (Node.js takes 16 KB)",
          request("GET", "/", { "X-Filler": "x".repeat(20 * 1024) }),
          "HTTP/1.1 431 Request Header Fields Too Large",
        ],
      ] as const) {
        it(`answers ${name} with ${expected.slice(9)}`, async () => {
          expect(await send(bytes)).to.equal(expected);
        });
      }

      it("answers malformed percent-encoding in a path with 400", async () => {
        expect(await send(request("GET", `${api().prefix}/tenants/%E0%A4%A`, { Host: api().host }))).to.equal(
          "HTTP/1.1 400 Bad Request",
        );
      });

      it("refuses a body declared larger than the limit with 413 before authentication, reading none of it", async () => {
        const head = request("POST", `${api().prefix}/tenants`, {
          Host: api().host,
          "Content-Type": "application/json",
          "Content-Length": 200 * 1024 * 1024,
        });
        expect(await send(`${head}{"name":`)).to.equal("HTTP/1.1 413 Payload Too Large");
      });

      it("stops reading a chunked body at the limit and answers 413 before authentication", async () => {
        const offered = 256 * 1024 * 1024;
        const head = request("POST", `${api().prefix}/tenants`, {
          Host: api().host,
          "Content-Type": "application/json",
          "Transfer-Encoding": "chunked",
        });
        const { status, written } = await streamedBody(api().connect(), head, offered);
        expect(status).to.equal("HTTP/1.1 413 Payload Too Large");
        expect(written).to.be.above(maxRequestBodyBytes);
        // The server stopped taking bytes: only socket buffers past the limit, nowhere near what was offered.
        expect(written).to.be.below(offered / 8);
      });

      it("accepts a body at the limit (answered by the API, not refused as too large)", async () => {
        const body = `{"name":"${"x".repeat(maxRequestBodyBytes - 20)}"}`;
        const head = request("POST", `${api().prefix}/tenants`, {
          Host: api().host,
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
        });
        expect(await send(`${head}${body}`)).to.not.equal("HTTP/1.1 413 Payload Too Large");
      });

      it("refuses cross-origin browser requests to /_emulator/* with 403 and runs none; its own origin and non-browser clients are served", async () => {
        const { file, host, origin, resetAnswer } = api();
        rmSync(file, { force: true });
        for (const headers of [crossOrigin, crossSite, { ...crossOrigin, Origin: "null" }]) {
          const status = await send(request("POST", "/_emulator/reset", { Host: host, ...headers }));
          expect(status, JSON.stringify(headers)).to.equal("HTTP/1.1 403 Forbidden");
        }
        // A reset that ran would have written the state file anew.
        expect(existsSync(file), "no reset ran").to.equal(false);
        const own = await send(
          request("POST", "/_emulator/reset", { Host: host, Origin: origin, "Content-Length": 0 }),
        );
        expect(own).to.equal(resetAnswer);
        expect(existsSync(file)).to.equal(true);
        const plain = await send(request("GET", "/_emulator/state", { Host: host }));
        expect(plain).to.equal("HTTP/1.1 200 OK");
      });

      it("writes its state file readable by its owner only (0600)", async () => {
        const { file, host } = api();
        await send(request("POST", "/_emulator/reset", { Host: host, "Content-Length": 0 }));
        expect((statSync(file).mode & 0o777).toString(8)).to.equal("600");
      });
    });
  }
});
