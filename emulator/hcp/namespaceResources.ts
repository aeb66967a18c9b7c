import type { EmulatorResponse } from "../core/router";
import { checkPropertyNames, documentAnswer, emptyAnswer, type MapiContext, requestBody } from "./context";
import { badRequest } from "./errors";
import { MEDIA_TYPES, readBoolean, readEnum, readText } from "./formats";
import { namespaceOf, namespaceTenant } from "./namespaceAccess";
import { readVersioning } from "./namespaceProperties";
import type { ComplianceSettings } from "./namespaceState";
import { checkMinimumRetention, checkRetentionValue } from "./rules";
import { STATISTICS_FIGURES } from "./tenantInfo";

/** GET /namespaces/{ns}/versioningSettings (never part of the namespace itself). */
export function getVersioning(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["MONITOR", "ADMINISTRATOR"], true);
  const namespace = namespaceOf(ctx, tenant, access);
  return documentAnswer(ctx, "versioningSettings", { ...namespace.versioning });
}

// Choice: a POST to versioningSettings is partial (members left out stay); an ANM owner may change `enabled` only.
export function postVersioning(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["ADMINISTRATOR"], true);
  const namespace = namespaceOf(ctx, tenant, access);
  const { format, properties } = requestBody(ctx, ["versioningSettings"]);
  if (access === "anm")
    checkPropertyNames(properties, Object.keys(properties), ["enabled"], "versioningSettings");
  const next = readVersioning(properties, namespace.versioning, false);
  if (next.enabled && !tenant.versioningConfigurationEnabled)
    throw badRequest("Versioning can be enabled only when the tenant allows versioning.");
  if (next.enabled && namespace.settings.appendEnabled)
    throw badRequest("Versioning and appendEnabled exclude each other.");
  namespace.versioning = next;
  ctx.store.commit();
  return emptyAnswer(MEDIA_TYPES[format]);
}

const COMPLIANCE_PROPERTIES = [
  "retentionDefault",
  "minimumRetentionAfterInitialUnspecified",
  "shreddingDefault",
  "customMetadataChanges",
  "dispositionEnabled",
] as const;

/** GET …/complianceSettings: the retention defaults. */
export function getCompliance(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["MONITOR", "ADMINISTRATOR", "COMPLIANCE"], false);
  const namespace = namespaceOf(ctx, tenant, access);
  return documentAnswer(ctx, "complianceSettings", { ...namespace.compliance });
}

/** POST …/complianceSettings: only accounts with the COMPLIANCE role. */
export function postCompliance(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["COMPLIANCE"], false);
  const namespace = namespaceOf(ctx, tenant, access);
  const { format, properties } = requestBody(ctx, ["complianceSettings"]);
  checkPropertyNames(properties, COMPLIANCE_PROPERTIES, COMPLIANCE_PROPERTIES, "complianceSettings");
  const next: ComplianceSettings = { ...namespace.compliance };
  if (properties.retentionDefault !== undefined) {
    next.retentionDefault = readText(properties.retentionDefault, "retentionDefault", 128).trim();
    checkRetentionValue(next.retentionDefault, "retentionDefault");
  }
  if (properties.minimumRetentionAfterInitialUnspecified !== undefined) {
    const value = readText(properties.minimumRetentionAfterInitialUnspecified, "minimum", 64).trim();
    checkMinimumRetention(value);
    next.minimumRetentionAfterInitialUnspecified = value;
  }
  if (properties.customMetadataChanges !== undefined)
    next.customMetadataChanges = readEnum(
      properties.customMetadataChanges,
      "customMetadataChanges",
      ["ADD", "ALL", "NONE"],
      true,
    );
  for (const flag of ["shreddingDefault", "dispositionEnabled"] as const)
    if (properties[flag] !== undefined) next[flag] = readBoolean(properties[flag]);
  namespace.compliance = next;
  ctx.store.commit();
  return emptyAnswer(MEDIA_TYPES[format]);
}

// Choice: a namespace's statistics are the figures the tenant statistics sum, for that namespace alone.
export function getNamespaceStatistics(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["MONITOR", "ADMINISTRATOR"], false);
  const namespace = namespaceOf(ctx, tenant, access);
  return documentAnswer(
    ctx,
    "statistics",
    Object.fromEntries(STATISTICS_FIGURES.map((figure) => [figure, namespace.usage[figure]])),
  );
}
