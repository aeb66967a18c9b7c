import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { RegistrationWindow } from "../../sdk/registrationWindow";

/** A resource whose registration the test answers (or fails) by hand. */
function pendingResource() {
  let answer!: () => void;
  let fail!: () => void;
  const settled = new Promise<string>((resolve, reject) => {
    answer = () => resolve("urn");
    fail = () => reject(new Error("create failed"));
  });
  settled.catch(() => undefined);
  const resource = { urn: { promise: () => settled } } as unknown as pulumi.Resource;
  return { resource, answer, fail };
}

/** Whether `promise` has settled after the pending callbacks ran. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  return done;
}

describe("RegistrationWindow", () => {
  it("has room until `size` groups are in flight, then waits until the engine answers a whole group", async () => {
    const window = new RegistrationWindow(2);
    const a = [pendingResource(), pendingResource()];
    const b = [pendingResource()];
    window.track(a.map((r) => r.resource));
    expect(await isSettled(window.room())).to.equal(true);
    window.track(b.map((r) => r.resource));
    const room = window.room();
    expect(await isSettled(room)).to.equal(false);
    a[0].answer();
    expect(await isSettled(room)).to.equal(false);
    a[1].answer();
    expect(await isSettled(room)).to.equal(true);
  });

  it("counts a failed registration as answered, so a run that goes on after errors never hangs", async () => {
    const window = new RegistrationWindow(1);
    const r = pendingResource();
    window.track([r.resource]);
    const room = window.room();
    expect(await isSettled(room)).to.equal(false);
    r.fail();
    expect(await isSettled(room)).to.equal(true);
  });

  it("refuses a size that is not a whole number of at least 1", () => {
    for (const size of [0, -1, 1.5, Number.NaN])
      expect(() => new RegistrationWindow(size)).to.throw(/size must be a whole number of at least 1/);
  });
});
