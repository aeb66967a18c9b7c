import { expect } from "chai";
import { withoutRpcAnswer } from "../../sdk/quietRpcLog";

describe("the SDK's debug lines of RPC answers", () => {
  it("keep the line but leave out the answer, which may hold secret outputs", () => {
    const line =
      "RegisterResource RPC finished: resource:c[pulumi-nodejs:dynamic/acronis:ApiClient]; err: null, resp: urn:x,clientSecret,,,,,4dabf18193072939515e22adb298388d,,,1b47061264138c4ac30d75fd1eb44270,value,,,s3cr3t";
    expect(withoutRpcAnswer(line)).to.equal(
      "RegisterResource RPC finished: resource:c[pulumi-nodejs:dynamic/acronis:ApiClient]; err: null, resp: [left out by tenant-estates: it may hold secret outputs]",
    );
  });

  it("leave every other message as it is", () => {
    for (const line of [
      "Acronis POST /clients: 201 in 3 ms (attempt 1)",
      "RegisterResource RPC prepared: t=x, name=y",
    ])
      expect(withoutRpcAnswer(line)).to.equal(line);
  });

  it("is what @pulumi/pulumi's log.debug does once the SDK is loaded", async () => {
    await import("../../sdk");
    const log = require("@pulumi/pulumi/log") as { debug: { name: string } };
    expect(log.debug.name).to.equal("quiet");
  });
});
