import type * as pulumi from "@pulumi/pulumi";
import { type CreateProof, markToWrite, ownLostCreate, refuseAnotherStacks } from "../../core/adoption";
import { NameConflictError } from "../../core/errors";
import { everyHeldInput, readByIdAlone } from "../../core/importing";
import { plain } from "../../core/normalise";
import { type Owned, type ResourceMarks, resourceMarks } from "../../core/ownership";
import {
  checkResult,
  createOnce,
  diffProperties,
  finishCreate,
  managedKeys,
  withFreshVersion,
} from "../../core/resource";
import { alreadySatisfies, propertyRules, readResult, validateInputs } from "../../core/spec";
import { fromWire, toWire } from "../../core/wire";
import type { UserInputs, UserOutputs } from "../../generated/acronis";
import { AcronisResourceProvider } from "../provider";
import { userSpec } from "../specs/user";
import type { User, UserCreate, UserUpdate } from "../types";

export type { UserInputs, UserOutputs } from "../../generated/acronis";

const rules = propertyRules(userSpec);

/** Input rules, checked before any API call. */
export const validateUser = (news: UserInputs) => validateInputs(userSpec, {}, news);

/** The PUT /users/{id} body for these inputs (without version): the spec's mapped properties that change in place. */
export function userUpdateBody(inputs: UserInputs): Omit<UserUpdate, "version"> {
  return plain(toWire(userSpec, { ...inputs }, "update")) as Omit<UserUpdate, "version">;
}

/**
 * The marks of this resource on the user it creates, kept in `external_id` (earlier releases appended the login,
 * in case the field is unique: their marks are still recognised).
 */
export function userMarks(inputs: Owned & Pick<UserInputs, "login">): ResourceMarks | undefined {
  return resourceMarks(inputs, { maxLength: 255 }, inputs.login.toLowerCase());
}

export const userMark = (inputs: Owned & Pick<UserInputs, "login">): string | undefined =>
  userMarks(inputs)?.ours;

/** The POST /users body for these inputs: the spec's mapped properties, and the mark. */
export function userCreateBody(inputs: UserInputs & Owned): UserCreate {
  return plain({ ...toWire(userSpec, { ...inputs }, "create"), external_id: userMark(inputs) }) as UserCreate;
}

/** The spec's output properties (ids and state the API assigns), always shown. */
const assigned = ["userId", "personalTenantId", "activated"] as const;

/**
 * Outputs from the API's user object (the spec's mapping): the inputs the program manages and what the API
 * assigns; create and read share it.
 */
export function userOutputs(
  user: User,
  managed: Partial<UserInputs>,
  activationEmailSent: boolean,
): UserOutputs {
  const given = managed as Record<string, unknown>;
  // sendActivationEmail is no API field: it is as the program gave it.
  const fromApi: Record<string, unknown> = {
    ...fromWire(userSpec, user, given),
    sendActivationEmail: managed.sendActivationEmail,
  };
  const outputs: Record<string, unknown> = {};
  for (const key of assigned) outputs[key] = fromApi[key];
  outputs.activationEmailSent = activationEmailSent;
  for (const key of managedKeys(given, rules)) outputs[key] = fromApi[key];
  return plain(outputs) as unknown as UserOutputs;
}

/**
 * Whether the activation e-mail the inputs ask for is still owed: the stored outputs say it was not sent
 * (a create that failed after the user existed), the user has not activated the account, and is not to be
 * disabled (a disabled user cannot be sent one).
 */
export function activationEmailOwed(olds: Partial<UserOutputs>, news: UserInputs): boolean {
  return (
    news.sendActivationEmail === true &&
    olds.activationEmailSent === false &&
    olds.activated === false &&
    news.enabled !== false
  );
}

/** The refusal of a login that check_login says is taken. */
function loginTaken(login: string): NameConflictError {
  return new NameConflictError({
    vendor: "Acronis",
    operation: "GET /users/check_login",
    status: 409,
    vendorMessage: `login "${login}" is already taken in the platform`,
  });
}

/** A taken login, said as what it is and what to do; other errors pass unchanged. */
export function explainLoginConflict(err: unknown, login: string): unknown {
  if (!(err instanceof NameConflictError)) return err;
  return err.copyWith({
    explanation: `a user with login "${login}" already exists (logins are unique in the whole platform): choose another login`,
  });
}

/** A user account in a tenant: check_login, POST, optional activation e-mail; disable then delete. */
export class UserProvider extends AcronisResourceProvider implements pulumi.dynamic.ResourceProvider {
  readonly spec = userSpec;

  async check(_olds: unknown, news: UserInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateUser(news));
  }

  /** The managed properties, plus `sendActivationEmail` while the e-mail is owed (see activationEmailOwed). */
  async diff(_id: string, olds: UserOutputs, news: UserInputs): Promise<pulumi.dynamic.DiffResult> {
    const diff = diffProperties(olds, news, rules);
    return activationEmailOwed(olds, news) ? { ...diff, changes: true } : diff;
  }

  async create(inputs: UserInputs & Owned): Promise<pulumi.dynamic.CreateResult> {
    const client = this.client();
    const what = `user "${inputs.login}"`;
    // Only in the declared tenant: a login taken in another tenant stays a conflict.
    const findExisting = () => client.findUserByLogin(inputs.tenantId, inputs.login);
    const proof: CreateProof<User> = {
      what,
      markOf: (u) => u.external_id,
      marks: userMarks(inputs),
      resourceName: inputs.__resourceName,
    };
    if (inputs.adopt) {
      const existing = await findExisting();
      if (existing) {
        refuseAnotherStacks(what, existing, existing.external_id, proof.marks, inputs.__resourceName);
        return this.adopt(await this.markAdopted(existing, proof.marks), inputs);
      }
    }
    let user: User;
    try {
      if (!(await client.isLoginFree(inputs.login))) throw loginTaken(inputs.login);
      user = await createOnce(() => client.createUser(userCreateBody(inputs)), findExisting, proof);
    } catch (err) {
      const own = await ownLostCreate(err, findExisting, proof);
      if (own) return this.adopt(own, inputs, { lostCreate: true });
      throw explainLoginConflict(err, inputs.login);
    }
    this.directory().remember(user, true);
    const created = userOutputs(user, inputs, false);
    return finishCreate(user.id, inputs, created, async () => {
      let current = user;
      if (inputs.enabled === false) current = await this.updateUser(user.id, { enabled: false });
      if (inputs.sendActivationEmail) await client.sendActivationEmail(user.id);
      return userOutputs(current, inputs, inputs.sendActivationEmail === true);
    });
  }

  /**
   * Adoption's one write beyond the declared differences: this resource's mark in an empty `external_id`, so
   * another stack's adopt is refused. An id someone else set (single sign-on) is kept: that user stays unmarked.
   */
  private async markAdopted(user: User, marks: ResourceMarks | undefined): Promise<User> {
    const mark = markToWrite(user.external_id, marks);
    if (mark === undefined) return user;
    return this.updateUser(user.id, { external_id: mark }, user.version);
  }

  /**
   * Takes over an existing user, writing only the declared differences. An account made elsewhere is never
   * sent an activation e-mail (one asked for counts as done); this stack's own lost create is sent one
   * like any create, unless it was activated since.
   */
  private async adopt(
    user: User,
    inputs: UserInputs,
    options: { lostCreate?: boolean } = {},
  ): Promise<pulumi.dynamic.CreateResult> {
    // Choice: a lost create whose e-mail went out before the crash sends a second one, never none.
    const emailOwed =
      options.lostCreate === true &&
      inputs.sendActivationEmail === true &&
      !user.activated &&
      inputs.enabled !== false;
    const sent = inputs.sendActivationEmail === true;
    const held = userOutputs(user, inputs, sent && !emailOwed);
    const satisfied = alreadySatisfies(userSpec, held, inputs);
    if (satisfied && !emailOwed) return { id: user.id, outs: held };
    return finishCreate(user.id, inputs, held, async () => {
      const current = satisfied ? user : await this.updateUser(user.id, userUpdateBody(inputs));
      if (emailOwed) await this.client().sendActivationEmail(user.id);
      return userOutputs(current, inputs, sent);
    });
  }

  async read(id: string, props: UserOutputs): Promise<pulumi.dynamic.ReadResult> {
    const user = await this.directory().user(id);
    if (!user) return {};
    const managed = readByIdAlone(props) ? (everyHeldInput(userSpec) as Partial<UserInputs>) : props;
    const outputs = userOutputs(user, managed, props.activationEmailSent === true);
    return readResult(userSpec, id, outputs, props);
  }

  async update(id: string, olds: UserOutputs, news: UserInputs): Promise<pulumi.dynamic.UpdateResult> {
    // Only an owed activation e-mail changed: the user is read (for `activated`), not written.
    const updated = diffProperties(olds, news, rules).changes
      ? await this.updateUser(id, userUpdateBody(news))
      : await this.requireUser(id);
    const sent = await this.sendOwedActivationEmail(updated, olds, news);
    return { outs: userOutputs(updated, news, sent) };
  }

  /**
   * Sends the activation e-mail a failed create left owed, unless the user (as just read or written) has
   * activated the account since; answers whether it has been sent, now or before.
   */
  private async sendOwedActivationEmail(user: User, olds: UserOutputs, news: UserInputs): Promise<boolean> {
    if (olds.activationEmailSent === true) return true;
    if (!activationEmailOwed(olds, news) || user.activated) return false;
    await this.client().sendActivationEmail(user.id);
    return true;
  }

  async delete(id: string): Promise<void> {
    const user = await this.client().getUser(id);
    if (!user) return;
    // The documented order: disable, then delete with the latest version.
    const disabled = user.enabled ? await this.updateUser(id, { enabled: false }) : user;
    this.directory().forget(id);
    await withFreshVersion(
      `user ${id} ("${user.login}")`,
      async () => (await this.requireUser(id)).version,
      (version) => this.client().deleteUser(id, version),
      disabled.version,
    );
  }

  /** PUT with the user's current version; a concurrent change is re-read and the change re-applied once. */
  private updateUser(id: string, change: Omit<UserUpdate, "version">, knownVersion?: number): Promise<User> {
    return withFreshVersion(
      `user ${id}`,
      async () => (await this.requireUser(id)).version,
      async (version) => {
        const updated = await this.client().updateUser(id, { ...change, version });
        this.directory().remember(updated);
        return updated;
      },
      knownVersion,
    );
  }

  private async requireUser(id: string): Promise<User> {
    const user = await this.client().getUser(id);
    if (!user) throw new Error(`user ${id} no longer exists; run \`pulumi up --refresh\` to recreate it`);
    return user;
  }
}
