import type * as pulumi from "@pulumi/pulumi";
import { NameConflictError, NotFoundError, PermissionError } from "../../core/errors";
import { compositeId, everyHeldInput, readByIdAlone } from "../../core/importing";
import { plain } from "../../core/normalise";
import { checkResult, createOnce, diffProperties, finishCreate } from "../../core/resource";
import { alreadySatisfies, propertyRules, readResult, validateInputs } from "../../core/spec";
import { locate } from "../locate";
import { type UserAccount, UserAccountApi } from "../namespaceApi";
import { HcpTenantLevelProvider } from "../provider";
import { hcpUserAccountSpec, signInKeys } from "../specs/hcpUserAccount";
import {
  accountChangeBody,
  accountCreateBody,
  accountOutputs,
  changedAccountKeys,
  type HcpUserAccountInputs,
  type HcpUserAccountOutputs,
  signInOf,
} from "../userAccountMapping";

const rules = propertyRules(hcpUserAccountSpec);

/** What a read by the import id `<tenant>/<username>` asks for: the account and every property it holds. */
function importedAccount(id: string): HcpUserAccountOutputs {
  const [tenant, username] = compositeId(hcpUserAccountSpec.type, id, ["tenant", "username"]);
  const every = everyHeldInput(hcpUserAccountSpec, ["tenant", "deletionPolicy"]);
  return { ...every, tenant, username } as unknown as HcpUserAccountOutputs;
}

/**
 * Tenant user accounts (tenant level, SECURITY): PUT with the password as a query parameter, POST to
 * change or rename, DELETE. The id is the account's userGUID, so a rename in the console is found again.
 */
export class HcpUserAccountProvider
  extends HcpTenantLevelProvider
  implements pulumi.dynamic.ResourceProvider
{
  readonly spec = hcpUserAccountSpec;

  protected readonly role = "SECURITY";
  protected override readonly credentialNames = signInKeys;

  async check(
    olds: Partial<HcpUserAccountInputs>,
    news: HcpUserAccountInputs,
  ): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateInputs(hcpUserAccountSpec, olds, news));
  }

  async diff(
    _id: string,
    olds: HcpUserAccountOutputs,
    news: HcpUserAccountInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, rules);
  }

  private accounts(inputs: HcpUserAccountInputs): UserAccountApi {
    const signIn = signInOf(inputs);
    return new UserAccountApi(this.clientFor(signIn.tenant, signIn));
  }

  /** The account by username, else by GUID (renamed in the console); undefined when it is gone. */
  private find(accounts: UserAccountApi, tenant: string, username: string, guid?: string) {
    return locate(username, guid, {
      get: (name) => accounts.get(tenant, name),
      list: () => accounts.list(tenant),
      idOf: (account) => account.userGUID,
    });
  }

  private async required(
    accounts: UserAccountApi,
    inputs: HcpUserAccountInputs,
    username: string,
    guid?: string,
  ) {
    const account = await this.find(accounts, inputs.tenant, username, guid);
    if (!account?.userGUID)
      throw new NotFoundError({
        vendor: "HCP",
        operation: `GET /tenants/${inputs.tenant}/userAccounts/${username}`,
        status: 404,
        vendorMessage:
          "the account does not exist, or this account may not see its userGUID (it needs the SECURITY role)",
      });
    return account as UserAccount & { userGUID: string };
  }

  async create(inputs: HcpUserAccountInputs): Promise<pulumi.dynamic.CreateResult> {
    const accounts = this.accounts(inputs);
    return this.explained(signInOf(inputs), async () => {
      const existing = inputs.adopt ? await accounts.get(inputs.tenant, inputs.username) : undefined;
      if (existing) return this.adopt(existing, inputs);
      try {
        // Choice: HCP accounts have no field a mark could go in (a description is the user's): the proof that an
        // account found after an unknown outcome is this create's is that the name was free just before it was sent.
        await createOnce(
          () =>
            accounts
              .create(inputs.tenant, accountCreateBody(inputs), inputs.password)
              .then(() => ({}) as UserAccount),
          () => accounts.get(inputs.tenant, inputs.username),
          {
            what: `account "${inputs.username}" of tenant "${inputs.tenant}"`,
            markOf: () => undefined,
            marks: undefined,
          },
        );
      } catch (err) {
        if (!(err instanceof NameConflictError)) throw err;
        throw err.copyWith({
          explanation: `an account named "${inputs.username}" already exists in tenant "${inputs.tenant}": choose another username, or set \`adopt: true\` to take it over`,
        });
      }
      const made = await this.required(accounts, inputs, inputs.username);
      const { adopt: _adopt, ...known } = inputs;
      return finishCreate(made.userGUID, inputs, plain(known), async () =>
        accountOutputs(made, inputs, rules),
      );
    });
  }

  /** Takes over an existing account, writing only the declared differences; its password is left as it is. */
  private async adopt(account: UserAccount, inputs: HcpUserAccountInputs) {
    const id = account.userGUID ?? inputs.username;
    const local = inputs.localAuthentication ?? true;
    if (account.localAuthentication !== undefined && account.localAuthentication !== local)
      throw new Error(
        `account "${account.username}" of tenant "${inputs.tenant}" exists with localAuthentication ${account.localAuthentication}, which HCP cannot change: declare it so to adopt the account`,
      );
    const held = accountOutputs(account, inputs, rules);
    if (alreadySatisfies(hcpUserAccountSpec, held, inputs)) return { id, outs: held };
    return finishCreate(id, inputs, held, async () => (await this.update(id, held, inputs)).outs);
  }

  async read(id: string, props: HcpUserAccountOutputs): Promise<pulumi.dynamic.ReadResult> {
    const imported = readByIdAlone(props);
    const managed = imported ? importedAccount(id) : props;
    const accounts = this.accounts(managed);
    const account = await this.unlessTenantGone(signInOf(managed), () =>
      this.find(accounts, managed.tenant, managed.username, imported ? undefined : id),
    );
    if (!account) return {};
    // Imported by `<tenant>/<username>`, the resource's id is still the account's userGUID.
    const outputs = accountOutputs(account, managed, rules);
    return readResult(hcpUserAccountSpec, imported ? outputs.userGuid : id, outputs, props);
  }

  async update(
    id: string,
    olds: HcpUserAccountOutputs,
    news: HcpUserAccountInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const accounts = this.accounts(news);
    return this.explained(signInOf(news), async () => {
      const current = await this.required(accounts, news, olds.username, id);
      const changed = changedAccountKeys(olds, news, rules);
      const renamed = String(current.username).toLowerCase() !== news.username.toLowerCase();
      const keys = renamed ? [...changed, "username"] : changed.filter((key) => key !== "username");
      if (keys.length > 0)
        await accounts.modify(news.tenant, String(current.username), accountChangeBody(news, keys));
      return { outs: accountOutputs(await this.required(accounts, news, news.username, id), news, rules) };
    });
  }

  async delete(id: string, props: HcpUserAccountOutputs): Promise<void> {
    // Choice: without a policy in state, removal only forgets (see the spec's deletionPolicy).
    const policy = props.deletionPolicy ?? "retain";
    if (policy === "retain") return;
    const accounts = this.accounts(props);
    await this.unlessTenantGone(signInOf(props), async () => {
      const account = await this.find(accounts, props.tenant, props.username, id);
      if (!account?.username) return true;
      try {
        if (policy === "delete") await accounts.delete(props.tenant, account.username);
        else if (account.enabled !== false)
          await accounts.modify(
            props.tenant,
            account.username,
            accountChangeBody({ ...props, enabled: false }, ["enabled"]),
          );
      } catch (err) {
        if (!(err instanceof PermissionError) || !/last/i.test(err.vendorMessage ?? "")) throw err;
        throw err.copyWith({
          explanation: `"${account.username}" is the last enabled, locally authenticated account with the SECURITY role of tenant "${props.tenant}", which HCP keeps: give that role to another account first, or set deletionPolicy to "retain" to only forget it`,
        });
      }
      return true;
    });
  }
}
