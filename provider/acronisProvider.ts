import type * as pulumi from "@pulumi/pulumi";
import type { AcronisClient } from "./acronis/client";
import { acronisClientFor, type ConfigSource, completeAcronisSettings, readAcronisSettings } from "./config";

/** What every Acronis resource provider shares: settings from `configure`, and the process's client. */
export abstract class AcronisResourceProvider {
  private config?: ConfigSource;

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = req.config;
  }

  /** Built on first use, so `check` works without credentials (e.g. a preview in a fork's pull request). */
  protected client(): AcronisClient {
    return acronisClientFor(completeAcronisSettings(readAcronisSettings(this.config)));
  }
}
