import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { TestStack } from "../support/engine";
import { acronisStackConfig } from "../support/stackConfig";

/** Plain http beyond this machine would carry the client secret in clear: refused at preview, before any request. */
describe("end to end on the real engine: an http:// Acronis base URL outside loopback", function () {
  this.timeout(300_000);
  let emulators: RunningEmulators;
  let stack: TestStack;

  before(async () => {
    emulators = await startEmulators();
    stack = await TestStack.create("plain-http", "examples/acronis-customer", {
      ...acronisStackConfig(emulators.acronis),
      "acronis:baseUrl": { value: "http://dc.example.com/api/2" },
    });
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("pulumi preview and up fail with one line naming the key that allows it, before any request", async () => {
    for (const args of [["preview"], ["up", "--yes", "--skip-preview"]]) {
      const run = await stack.run(args);
      expect(run.code, args[0]).to.not.equal(0);
      expect(run.stdout + run.stderr).to.include(
        'acronis:baseUrl must use https for a host other than this machine, got "http://dc.example.com/api/2": plain http would send the client secret in clear (set acronis:allowInsecureHttp to true to accept that)',
      );
      expect(run.stdout + run.stderr).to.not.include(emulators.acronis.clientSecret);
      // A request would have failed on the name first (no such host here): none was tried.
      expect(run.stdout + run.stderr).to.not.match(/ENOTFOUND|EAI_AGAIN|no answer/);
    }
  });
});
