import type * as pulumi from "@pulumi/pulumi";
import { proveAccess } from "../core/accessProof";
import { accountSettings, currentAccount, inAccount } from "../core/accounts";
import type { ConfigSource } from "../core/config";
import type { AcronisClient } from "./client";
import { acronisClientFor, completeAcronisSettings, readAcronisSettings } from "./config";
import { AcronisDirectory } from "./directory";
import { checkAcronisTransport } from "./plainHttp";

/** What every Acronis resource provider shares: settings from `configure`, and the process's client. */
export abstract class AcronisResourceProvider {
  private config?: ConfigSource;
  /** By account name ("" for the default account). */
  private configured: Record<string, AcronisClient> = {};

  /** Only what needs no credentials is checked here, so `check` still works without them. */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    checkAcronisTransport(req.config);
    this.config = req.config;
    this.configured = {};
  }

  /**
   * The client of the current operation's account, built on first use, so `check` works without
   * credentials (e.g. a preview in a fork's pull request).
   */
  protected client(): AcronisClient {
    const account = currentAccount();
    this.configured[account ?? ""] ??= inAccount("acronis", account, () => {
      const { config, env } = accountSettings("acronis", account, this.config);
      return acronisClientFor(completeAcronisSettings(readAcronisSettings(config, env)), account);
    });
    return this.configured[account ?? ""];
  }

  /**
   * At check: the API client's own tenant, read once per account and process (later calls reuse it),
   * proves the credentials and the address before any write.
   */
  async verifyAccess(): Promise<void> {
    const account = currentAccount();
    const { config, env } = accountSettings("acronis", account, this.config);
    const given = inAccount("acronis", account, () => readAcronisSettings(config, env));
    // Choice: with neither credential set (a fork's pull request has no secrets) check proves nothing and passes; with one, the other is asked for.
    if (!given.clientId && !given.clientSecret) return;
    const client = this.client();
    await proveAccess(client, () => client.ownTenantId());
  }

  /** What this process knows of the estate (listings for reads, objects it wrote); one per client. */
  protected directory(): AcronisDirectory {
    const client = this.client();
    let directory = directories.get(client);
    if (!directory) {
      directory = new AcronisDirectory(client);
      directories.set(client, directory);
    }
    return directory;
  }
}

const directories = new WeakMap<AcronisClient, AcronisDirectory>();
