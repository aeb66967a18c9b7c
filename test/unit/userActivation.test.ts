import { expect } from "chai";
import {
  activationEmailOwed,
  type UserInputs,
  type UserOutputs,
  UserProvider,
} from "../../provider/acronis/resources/user";

const tenantId = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
const inputs: UserInputs = {
  tenantId,
  login: "JohnDoe",
  contact: { email: "john.doe@example.com" },
  sendActivationEmail: true,
};
/** What a create that made the user but failed to send the e-mail stores. */
const notSent: UserOutputs = { ...inputs, userId: "u1", activated: false, activationEmailSent: false };

describe("User: an activation e-mail a failed create still owes", () => {
  // diff needs no configuration and makes no request.
  const provider = new UserProvider();

  it("is a change at diff while asked for, not sent and the user not activated", async () => {
    expect(await provider.diff("u1", notSent, inputs)).to.deep.include({ changes: true, replaces: [] });
  });

  it("is no change once sent, once the user activated, or when the inputs do not ask for it", async () => {
    const cases: [UserOutputs, UserInputs][] = [
      [{ ...notSent, activationEmailSent: true }, inputs],
      [{ ...notSent, activated: true }, inputs],
      [notSent, { ...inputs, sendActivationEmail: false }],
      [notSent, { ...inputs, sendActivationEmail: undefined }],
    ];
    for (const [olds, news] of cases) {
      expect((await provider.diff("u1", olds, news)).changes, JSON.stringify([olds, news])).to.equal(false);
    }
  });

  it("is not owed to a user the inputs disable, nor when the outputs do not say it was not sent", () => {
    expect(activationEmailOwed(notSent, inputs)).to.equal(true);
    expect(activationEmailOwed(notSent, { ...inputs, enabled: false })).to.equal(false);
    const { activationEmailSent: _unknown, ...older } = notSent;
    expect(activationEmailOwed(older, inputs)).to.equal(false);
  });

  it("still reports the other properties' changes beside it", async () => {
    const news = { ...inputs, contact: { email: "new@example.com" } };
    expect((await provider.diff("u1", notSent, news)).changes).to.equal(true);
    expect((await provider.diff("u1", { ...notSent, activationEmailSent: true }, news)).changes).to.equal(
      true,
    );
  });
});
