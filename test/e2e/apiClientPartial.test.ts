import { createHash } from "node:crypto";
import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import { AcronisApi } from "../support/acronisApi";
import { TestStack } from "../support/engine";
import { acronisStackConfig } from "../support/stackConfig";

/** The encrypted form the engine stores secrets in. */
const secretSignature = "4dabf18193072939515e22adb298388d";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("end to end on the real engine: an API client whose create fails after the client was made", function () {
  this.timeout(300_000);
  let emulator: RunningServer<AcronisInfo>;
  let api: AcronisApi;
  let stack: TestStack;

  before(async () => {
    emulator = await startAcronisEmulator({
      port: 0,
      host: "127.0.0.1",
      latencyMs: 0,
      log: new RequestLog(),
    });
    api = new AcronisApi(emulator.info);
    stack = await TestStack.create("api-client-partial", "test/programs/apiClient", {
      ...acronisStackConfig(emulator.info),
      clientEnabled: { value: "false" },
    });
  });

  after(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("keeps the secret of the client it made encrypted in state, and out of the output, when disabling it fails", async () => {
    // Every PUT to a client fails: the POST /clients succeeds (as does the read that proves access), the PUT that disables the client does not.
    await api.post("/_emulator/faults", { rate: 1, kinds: ["500"], path: "/clients/", method: "PUT" });
    const result = await stack.run(["up", "--yes", "--skip-preview"]);
    await api.post("/_emulator/faults", { rate: 0, path: "", method: "" });
    expect(result.code).to.not.equal(0);
    expect(result.stdout + result.stderr).to.match(/\* Acronis PUT \/clients\/[0-9a-f-]+ failed: HTTP 500/);

    // The one client made; the emulator keeps only its secret's hash.
    const state = (await api.get("/_emulator/state")).body as {
      clients: { client_id: string; secret_sha256: string | null; data: Record<string, unknown> }[];
    };
    const made = state.clients.filter((c) => c.data.client_name === "backup-integration");
    expect(made).to.have.length(1);
    const hash = made[0].secret_sha256;
    // Any 32-hex token in a text that hashes to the secret's hash is the secret in plaintext.
    const plaintextIn = (text: string) => (text.match(/[0-9a-f]{32}/g) ?? []).some((t) => sha256(t) === hash);

    const exported = await stack.exportState();
    const resources = (
      JSON.parse(exported) as {
        deployment: { resources: { urn: string; id?: string; outputs?: Record<string, unknown> }[] };
      }
    ).deployment.resources;
    const client = resources.find((r) => r.urn.endsWith("::backup-integration"));
    // The engine recorded the partial create, with the secret as an encrypted secret.
    expect(client?.id).to.equal(made[0].client_id);
    expect(client?.outputs?.clientSecret).to.have.property(secretSignature);
    expect(plaintextIn(exported)).to.equal(false);
    expect(plaintextIn(stack.backendFilesText())).to.equal(false);
    expect(plaintextIn(result.stdout + result.stderr)).to.equal(false);

    // The secret is the client's: the next up finishes the create, and the stack's output holds it.
    await stack.up();
    const outputs = await stack.outputs();
    expect(sha256(outputs.clientSecret as string)).to.equal(hash);
    expect(plaintextIn((await stack.run(["stack", "output", "--json"])).stdout)).to.equal(false);
  });
});
