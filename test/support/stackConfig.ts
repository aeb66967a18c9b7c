import { readFileSync } from "node:fs";
import type * as pulumi from "@pulumi/pulumi";
import type { AcronisInfo, HcpInfo } from "../../emulator/types";

/** Stack config as `pulumi config set` takes it. */
export type StackConfig = Record<string, { value: string; secret?: boolean }>;

/** The acronis:* settings (and partnerTenantId) that point a stack at an Acronis emulator. */
export function acronisStackConfig(info: AcronisInfo): StackConfig {
  return {
    "acronis:baseUrl": { value: info.baseUrl },
    "acronis:clientId": { value: info.clientId },
    "acronis:clientSecret": { value: info.clientSecret, secret: true },
    partnerTenantId: { value: info.partnerTenantId },
  };
}

/** The hcp:* settings that point a stack at an HCP emulator, reached on 127.0.0.1 with its own CA. */
export function hcpStackConfig(info: HcpInfo): StackConfig {
  return {
    "hcp:domain": { value: info.domain },
    "hcp:port": { value: new URL(info.url).port },
    "hcp:address": { value: "127.0.0.1" },
    "hcp:caCert": { value: readFileSync(info.caCertPath, "utf8") },
    "hcp:username": { value: info.username },
    "hcp:password": { value: info.password, secret: true },
  };
}

/** The same settings as the dynamic-provider host hands them to configure(). */
export function configureRequest(config: StackConfig): pulumi.dynamic.ConfigureRequest {
  const get = (key: string) => config[key]?.value;
  return { config: { get, require: get } } as unknown as pulumi.dynamic.ConfigureRequest;
}
