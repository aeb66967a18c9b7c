import type * as pulumi from "@pulumi/pulumi";
import { ConflictError } from "../../core/errors";
import { plain } from "../../core/normalise";
import {
  checkResult,
  createOnce,
  diffProperties,
  finishCreate,
  managedKeys,
  type PropertyRules,
  readResult,
  withFreshVersion,
} from "../../core/resource";
import { Validator } from "../../core/validate";
import { AcronisResourceProvider } from "../provider";
import type { User, UserCreate, UserUpdate } from "../types";

export const userContactFields = ["email", "firstname", "lastname", "phone"] as const;

export interface UserInputs {
  tenantId: string;
  login: string;
  contact: Partial<Record<(typeof userContactFields)[number], string>> & { email: string };
  language?: string;
  enabled?: boolean;
  /** Sends the activation e-mail once, right after the user is created. */
  sendActivationEmail?: boolean;
}

export interface UserOutputs extends UserInputs {
  userId: string;
  personalTenantId?: string;
  activated: boolean;
  activationEmailSent: boolean;
}

export const userRules: PropertyRules = {
  // The login is unique in the whole platform: the old account must go before the new one is made.
  tenantId: { replaces: true, deleteBeforeReplace: true },
  login: { replaces: true, deleteBeforeReplace: true },
  contact: {},
  language: {},
  enabled: {},
  sendActivationEmail: { createOnly: true },
};

/** Login rules of DOC:users/creating-user: at least 3 characters from a fixed ASCII set. */
export const loginPattern = /^[A-Za-z0-9.@_\-+:!#$%^*={}'`/?]{3,}$/;

export function validateUser(news: UserInputs): pulumi.dynamic.CheckFailure[] {
  return new Validator(news)
    .knownKeys(Object.keys(userRules))
    .uuid("tenantId", { required: true })
    .string("login", {
      required: true,
      maxLength: 255,
      pattern: loginPattern,
      patternHint: "at least 3 characters among letters, digits and . @ _ - + : ! # $ % ^ * = { } ' ` / ?",
    })
    .object("contact", { required: true })
    .knownKeys(userContactFields, "contact")
    .email("contact.email", { required: true })
    .string("contact.firstname", { maxLength: 255 })
    .string("contact.lastname", { maxLength: 255 })
    .string("contact.phone", { maxLength: 64 })
    .string("language", {
      pattern: /^[a-z]{2}(-[A-Z]{2})?$/,
      patternHint: "a language code such as en or en-US",
    })
    .boolean("enabled")
    .boolean("sendActivationEmail").failures;
}

export function userCreateBody(inputs: UserInputs): UserCreate {
  return plain({
    tenant_id: inputs.tenantId,
    login: inputs.login,
    contact: inputs.contact,
    language: inputs.language,
  });
}

/** Outputs from the API's user object; create and read share it. */
export function userOutputs(
  user: User,
  managed: Partial<UserInputs>,
  activationEmailSent: boolean,
): UserOutputs {
  const fromApi: Record<string, unknown> = {
    tenantId: user.tenant_id,
    login: user.login,
    contact: managed.contact ? pickKeys(user.contact, Object.keys(managed.contact)) : undefined,
    language: user.language,
    enabled: user.enabled,
    sendActivationEmail: managed.sendActivationEmail,
  };
  const outputs: Record<string, unknown> = {
    userId: user.id,
    personalTenantId: user.personal_tenant_id ?? undefined,
    activated: user.activated,
    activationEmailSent,
  };
  for (const key of managedKeys(managed as Record<string, unknown>, userRules)) outputs[key] = fromApi[key];
  return plain(outputs) as unknown as UserOutputs;
}

function pickKeys(contact: Record<string, unknown>, keys: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) picked[key] = typeof contact?.[key] === "string" ? (contact[key] as string) : "";
  return picked;
}

/** A user account in a tenant: check_login, POST, optional activation e-mail; disable then delete. */
export class UserProvider extends AcronisResourceProvider implements pulumi.dynamic.ResourceProvider {
  async check(_olds: unknown, news: UserInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateUser(news));
  }

  async diff(_id: string, olds: UserOutputs, news: UserInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, userRules);
  }

  async create(inputs: UserInputs): Promise<pulumi.dynamic.CreateResult> {
    const client = this.client();
    if (!(await client.isLoginFree(inputs.login))) {
      throw new ConflictError({
        vendor: "Acronis",
        operation: `create user "${inputs.login}"`,
        status: 409,
        vendorMessage: `login "${inputs.login}" is already taken in the platform`,
      });
    }
    const user = await createOnce(
      () => client.createUser(userCreateBody(inputs)),
      () => client.findUserByLogin(inputs.tenantId, inputs.login),
    );
    this.directory().remember(user, true);
    const created = userOutputs(user, inputs, false);
    return finishCreate(user.id, inputs, created, async () => {
      let current = user;
      if (inputs.enabled === false) current = await this.updateUser(user.id, { enabled: false });
      if (inputs.sendActivationEmail) await client.sendActivationEmail(user.id);
      return userOutputs(current, inputs, inputs.sendActivationEmail === true);
    });
  }

  async read(id: string, props: UserOutputs): Promise<pulumi.dynamic.ReadResult> {
    const user = await this.directory().user(id);
    if (!user) return {};
    const outputs = userOutputs(user, props, props.activationEmailSent === true);
    return readResult(id, outputs, userRules, props);
  }

  async update(id: string, olds: UserOutputs, news: UserInputs): Promise<pulumi.dynamic.UpdateResult> {
    const updated = await this.updateUser(
      id,
      plain({ contact: news.contact, language: news.language, enabled: news.enabled }),
    );
    return { outs: userOutputs(updated, news, olds.activationEmailSent === true) };
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
  private updateUser(id: string, change: Omit<UserUpdate, "version">): Promise<User> {
    return withFreshVersion(
      `user ${id}`,
      async () => (await this.requireUser(id)).version,
      async (version) => {
        const updated = await this.client().updateUser(id, { ...change, version });
        this.directory().remember(updated);
        return updated;
      },
    );
  }

  private async requireUser(id: string): Promise<User> {
    const user = await this.client().getUser(id);
    if (!user) throw new Error(`user ${id} no longer exists; run \`pulumi up --refresh\` to recreate it`);
    return user;
  }
}
