import type * as pulumi from "@pulumi/pulumi";
import { proveAccess } from "../core/accessProof";
import { accountSettings, currentAccount, inAccount } from "../core/accounts";
import type { ConfigSource } from "../core/config";
import { AuthenticationError, NotFoundError, PermissionError } from "../core/errors";
import { everyHeldInput, readByIdAlone } from "../core/importing";
import { plain } from "../core/normalise";
import { checkResult, diffProperties, finishCreate, managedKeys, type PropertyRules } from "../core/resource";
import { alreadySatisfies, propertyRules, type ResourceSpec, readResult, validateInputs } from "../core/spec";
import { fromWire, toWire } from "../core/wire";
import type { HcpClient } from "./client";
import { completeHcpSettings, type HcpSettings, hcpClientFor, readHcpSettings } from "./config";
import { accountKeys, settingKeys } from "./specs/common";

/** What every HCP resource provider shares: settings from `configure`, and the process's clients. */
export abstract class HcpResourceProvider {
  private config?: ConfigSource;

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = req.config;
  }

  /** The current operation's account's settings, read on first use, so `check` works without credentials. */
  protected settings(needsSystemAccount = true): HcpSettings {
    const account = currentAccount();
    return inAccount("hcp", account, () => {
      const { config, env } = accountSettings("hcp", account, this.config);
      return completeHcpSettings(readHcpSettings(config, env), needsSystemAccount);
    });
  }

  /**
   * At check: one page of one tenant name, read once per account and process as the system-level
   * account, proves its credentials and the address before any write.
   */
  async verifyAccess(): Promise<void> {
    const account = currentAccount();
    const given = inAccount("hcp", account, () => {
      const { config, env } = accountSettings("hcp", account, this.config);
      return readHcpSettings(config, env);
    });
    // Choice: with neither hcp:username nor hcp:password set (a fork's pull request has no secrets, or only tenant-level accounts are used) check proves nothing and passes; with one, the other is asked for.
    if (!given.username && !given.password) return;
    const client = this.systemClient();
    await proveAccess(client, () => client.listTenants({ count: 1 }));
  }

  /** The system-level account of `hcp:username`, at admin.<domain>. */
  protected systemClient(): HcpClient {
    return hcpClientFor(this.settings(), undefined, undefined, currentAccount());
  }

  /** A tenant's own account at <tenant>.<domain> when credentials are given, else the system-level one. */
  protected clientFor(tenant: string, credentials: TenantCredentials): HcpClient {
    if (!hasAccount(credentials)) return this.systemClient();
    const account = { tenant, username: credentials.username, password: credentials.password };
    return hcpClientFor(this.settings(false), account, undefined, currentAccount());
  }
}

/** A tenant-level account; not resource properties, only how the provider signs in. */
export interface TenantCredentials {
  username?: string;
  password?: string;
}

export interface TenantSettingInputs extends TenantCredentials {
  /** The tenant's name; also the resource id. */
  tenant: string;
  /** Read the settings first and write only when they differ. */
  adopt?: boolean;
}

const hasAccount = (c: TenantCredentials): c is { username: string; password: string } =>
  typeof c.username === "string" && c.username !== "" && typeof c.password === "string";

/** The credential keys that were given: kept in outputs (the SDK marks the password secret) for read and delete. */
function credentialsOf(inputs: TenantCredentials): TenantCredentials {
  return plain({ username: inputs.username, password: inputs.password });
}

/** Where a tenant-level resource signs in: its tenant and, optionally, an account of that tenant. */
export interface SignIn extends TenantCredentials {
  tenant: string;
}

/**
 * A resource inside a tenant (settings, namespaces, user accounts), reached with a tenant-level account
 * or, without one, the system-level account where the tenant allows administration.
 */
export abstract class HcpTenantLevelProvider extends HcpResourceProvider {
  /** The tenant-level role the account needs, for the hint when HCP refuses it. */
  protected abstract readonly role: string;
  /** The names of the sign-in inputs, for the same hint. */
  protected readonly credentialNames: readonly [string, string] = ["username", "password"];

  /** Runs a call; a refusal (403) comes back saying which account was used and what it needs. */
  protected async explained<T>(signIn: SignIn, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw this.withAccountHint(err, signIn);
    }
  }

  /**
   * Undefined when the tenant no longer exists: a 404, or a tenant account refused because its tenant
   * is gone (HCP then answers 403, so the system-level account confirms it when it can).
   */
  protected async unlessTenantGone<T>(
    signIn: SignIn,
    call: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      const refused = err instanceof AuthenticationError || err instanceof PermissionError;
      if (refused && hasAccount(signIn) && (await this.tenantIsGone(signIn.tenant))) return undefined;
      throw this.withAccountHint(err, signIn);
    }
  }

  private async tenantIsGone(tenant: string): Promise<boolean> {
    try {
      return !(await this.systemClient().tenantExists(tenant));
    } catch {
      // Without a usable system-level account nothing can be confirmed: the refusal stands.
      return false;
    }
  }

  protected withAccountHint(err: unknown, signIn: SignIn): unknown {
    if (!(err instanceof AuthenticationError || err instanceof PermissionError) || err.explanation)
      return err;
    const [user, password] = this.credentialNames;
    const hint = hasAccount(signIn)
      ? `the account "${signIn.username}" of tenant "${signIn.tenant}" must exist, be enabled, with this password and the ${this.role} role`
      : `no ${user}/${password} was given, so the system-level account was used: that works only where tenant ` +
        `"${signIn.tenant}" allows administration by system-level accounts and that account has the ${this.role} role; ` +
        `otherwise give ${user} and ${password} of a tenant-level account with the ${this.role} role`;
    return err.copyWith({ vendorMessage: `${err.vendorMessage ?? "refused"} (${hint})` });
  }
}

/**
 * One settings document of a tenant (consoleSecurity, contactInfo…): create and update POST the managed
 * settings, read GETs them, delete POSTs HCP's documented defaults of the managed settings back.
 * The id is the tenant name.
 */
export abstract class HcpTenantSettingProvider<I extends TenantSettingInputs, W>
  extends HcpTenantLevelProvider
  implements pulumi.dynamic.ResourceProvider
{
  /** The MAPI resource, e.g. `consoleSecurity`. */
  protected abstract readonly resource: string;
  /** The tenant, the account and the settings: their rules, diff and read's shape. */
  abstract readonly spec: ResourceSpec;
  protected abstract fetch(client: HcpClient, tenant: string): Promise<W | undefined>;
  protected abstract store(client: HcpClient, tenant: string, body: W): Promise<void>;
  /** The POST body that puts HCP's defaults back for the managed settings. */
  protected abstract defaults(managed: I, client: HcpClient): Promise<W>;

  rules(): PropertyRules {
    return propertyRules(this.spec);
  }

  async check(olds: object, news: I): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateInputs(this.spec, olds, news));
  }

  async diff(_id: string, olds: I, news: I): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, this.rules());
  }

  /** Outputs of one shape for create, read and update: the tenant, the managed settings, the credentials. */
  outputs(api: W, managed: I): Record<string, unknown> {
    return plain({ tenant: managed.tenant, ...this.settingOutputs(api, managed), ...credentialsOf(managed) });
  }

  async create(inputs: I): Promise<pulumi.dynamic.CreateResult> {
    const client = this.clientFor(inputs.tenant, inputs);
    if (inputs.adopt) {
      const held = this.outputs(await this.required(client, inputs), inputs);
      if (alreadySatisfies(this.spec, held, inputs)) return { id: inputs.tenant, outs: held };
    }
    await this.explained(inputs, () => this.store(client, inputs.tenant, this.body(inputs)));
    const known = plain({ tenant: inputs.tenant, ...credentialsOf(inputs) });
    return finishCreate(inputs.tenant, inputs, known, async () =>
      this.outputs(await this.required(client, inputs), inputs),
    );
  }

  async read(id: string, props: I): Promise<pulumi.dynamic.ReadResult> {
    // Read by id alone (an import): the id is the tenant's name, every setting is read, as the system-level account.
    const managed = readByIdAlone(props)
      ? ({ ...everyHeldInput(this.spec, accountKeys), tenant: id } as I)
      : props;
    const client = this.clientFor(managed.tenant, managed);
    const api = await this.unlessTenantGone(managed, () => this.fetch(client, managed.tenant));
    if (api === undefined) return {};
    // The credentials are never compared, so read keeps the ones in state.
    return readResult(this.spec, id, this.outputs(api, managed), props);
  }

  /** The managed settings as `client` reads them, in read's shape (`tenant-estates export`); undefined: no tenant. */
  async readSettings(client: HcpClient, managed: I): Promise<Record<string, unknown> | undefined> {
    const api = await this.fetch(client, managed.tenant);
    return api === undefined ? undefined : this.settingOutputs(api, managed);
  }

  async update(_id: string, _olds: I, news: I): Promise<pulumi.dynamic.UpdateResult> {
    const client = this.clientFor(news.tenant, news);
    await this.explained(news, () => this.store(client, news.tenant, this.body(news)));
    return { outs: this.outputs(await this.required(client, news), news) };
  }

  async delete(_id: string, props: I): Promise<void> {
    const client = this.clientFor(props.tenant, props);
    await this.unlessTenantGone(props, async () => {
      await this.store(client, props.tenant, await this.defaults(props, client));
      return true;
    });
  }

  /** The POST body for the managed settings: their elements, as the spec maps them. */
  protected body(inputs: I): W {
    return toWire(this.spec, { ...(inputs as object) }, "create", this.managedSettings(inputs)) as W;
  }

  /** The managed settings as the API holds them, as the spec maps them. */
  protected settingOutputs(api: W, managed: I): Record<string, unknown> {
    const held = fromWire(this.spec, api, { ...(managed as object) });
    return Object.fromEntries(this.managedSettings(managed).map((key) => [key, held[key]]));
  }

  /** The managed keys of the settings (the tenant and the account left out). */
  protected managedSettings(inputs: I): string[] {
    const settings = new Set(settingKeys(this.spec));
    return managedKeys(inputs, this.rules()).filter((key) => settings.has(key));
  }

  private async required(client: HcpClient, inputs: I): Promise<W> {
    const api = await this.explained(inputs, () => this.fetch(client, inputs.tenant));
    if (api === undefined) {
      throw new NotFoundError({
        vendor: "HCP",
        operation: `GET /tenants/${inputs.tenant}/${this.resource}`,
        status: 404,
        vendorMessage: `tenant "${inputs.tenant}" does not exist`,
      });
    }
    return api;
  }
}
