import { readFileSync } from "node:fs";
import { connect as tcp } from "node:net";
import { connect as tls } from "node:tls";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";

/** Sends one raw request line and answers the status line the server gave. */
function rawStatusLine(socket: ReturnType<typeof tcp>, target: string, host = "localhost"): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("end", () => resolve(answer.split("\r\n")[0]));
    socket.on("error", reject);
    socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
}

/** Malformed request targets are the client's mistake: 400, never a 500 a client would retry, never a crash. */
describe("emulators and malformed request targets", () => {
  let emulators: RunningEmulators;
  before(async () => {
    emulators = await startEmulators();
  });
  after(async () => emulators.close());

  const acronis = (target: string) => {
    const { port } = new URL(emulators.acronis.baseUrl);
    return rawStatusLine(tcp(Number(port), "127.0.0.1"), target);
  };
  const hcp = (target: string) => {
    const { port } = new URL(emulators.hcp.url);
    const ca = readFileSync(emulators.hcp.caCertPath);
    const admin = `admin.${emulators.hcp.domain}`;
    return rawStatusLine(
      tls({ port: Number(port), host: "127.0.0.1", ca, servername: admin }),
      target,
      admin,
    );
  };

  for (const [name, target] of [
    ["a target that is no URL", "//["],
    ["malformed percent-encoding in a path parameter", "/api/2/tenants/%E0%A4%A"],
  ]) {
    it(`answers ${name} with 400 and goes on serving (Acronis)`, async () => {
      expect(await acronis(target)).to.equal("HTTP/1.1 400 Bad Request");
      expect((await fetch(`${emulators.acronis.baseUrl}/tenants`)).status).to.equal(401);
    });
  }

  for (const [name, target] of [
    ["a target that is no URL", "//["],
    ["malformed percent-encoding in a path parameter", "/mapi/tenants/%E0%A4%A"],
  ]) {
    it(`answers ${name} with 400 and goes on serving (HCP)`, async () => {
      expect(await hcp(target)).to.equal("HTTP/1.1 400 Bad Request");
      expect(await hcp("/mapi/tenants")).to.equal("HTTP/1.1 403 Forbidden");
    });
  }
});
