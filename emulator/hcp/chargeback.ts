import type { EmulatorResponse } from "../core/router";
import { type AccessRule, authorize, hostNameOf } from "./auth";
import { type MapiContext, tenantOf, textAnswer } from "./context";
import { badRequest, notFound } from "./errors";
import {
  answerFormat,
  formatTimestamp,
  parseTimestamp,
  readEnum,
  renderCsv,
  renderDocument,
} from "./formats";
import { CHARGEBACK_FIGURES, type Namespace, type Tenant } from "./state";
import { sumFigure } from "./tenantInfo";

const CHARGEBACK_RULE: AccessRule = {
  tenantRoles: ["MONITOR", "ADMINISTRATOR"],
  systemRoles: ["ADMINISTRATOR"],
};

/** The CSV columns, in the order of the seed document's report. */
export const CHARGEBACK_COLUMNS = [
  "systemName",
  "tenantName",
  "namespaceName",
  "startTime",
  "endTime",
  ...CHARGEBACK_FIGURES,
  "deleted",
  "valid",
] as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Choice: a report may span at most 10,000 periods, so a stray hourly request cannot exhaust the emulator.
const MAX_PERIODS = 10_000;

type Granularity = "hour" | "day" | "total";

interface ReportRange {
  startMs: number;
  endMs: number;
  /** The UTC offset the report's times are written in. */
  offsetMinutes: number;
  granularity: Granularity;
}

interface Period {
  startMs: number;
  endMs: number;
}

type ChargebackLine = Record<string, string | number | boolean>;

// Choice: without start the report begins when the tenant was created; no 180-day retention is applied (the seed asks for 2017).
function readRange(query: URLSearchParams, tenant: Tenant): ReportRange {
  const startText = query.get("start");
  const endText = query.get("end");
  const start = startText === null ? undefined : parseTimestamp(startText, "start");
  const end = endText === null ? undefined : parseTimestamp(endText, "end");
  const granularity = readEnum(
    query.get("granularity") ?? "total",
    "granularity",
    ["hour", "day", "total"],
    false,
  );
  const endMs = end?.ms ?? Date.now();
  const startMs = start?.ms ?? Math.min(parseTimestamp(tenant.creationTime, "creationTime").ms, endMs);
  if (start && startMs >= endMs) throw badRequest("'start' must be earlier than 'end'.");
  // Choice: times are written in the offset of start (else of end, else +0000).
  const offsetMinutes = start?.offsetMinutes ?? end?.offsetMinutes ?? 0;
  return { startMs, endMs, offsetMinutes, granularity };
}

/** One period for "total"; otherwise hours or days aligned on the report's clock, each ending a second before the next. */
function reportPeriods(range: ReportRange): Period[] {
  if (range.granularity === "total") return [{ startMs: range.startMs, endMs: range.endMs }];
  const step = range.granularity === "hour" ? HOUR_MS : DAY_MS;
  const shift = range.offsetMinutes * 60_000;
  const first = Math.floor((range.startMs + shift) / step) * step - shift;
  if ((range.endMs - first) / step > MAX_PERIODS)
    throw badRequest(`A report may cover at most ${MAX_PERIODS} periods.`);
  const periods: Period[] = [];
  for (let startMs = first; startMs <= range.endMs; startMs += step)
    periods.push({ startMs, endMs: startMs + step - 1000 });
  return periods;
}

// Choice: a namespace's seeded figures are its usage in every period reported, so any query reproduces them.
function reportLine(
  head: { systemName: string; tenantName: string; namespaceName?: string },
  times: { startTime: string; endTime: string },
  namespaces: readonly Namespace[],
): ChargebackLine {
  const figures = Object.fromEntries(
    CHARGEBACK_FIGURES.map((figure) => [figure, sumFigure(namespaces, figure)]),
  );
  return { ...head, ...times, ...figures, deleted: "false", valid: true };
}

/** Per period: a line per namespace (by name), then the tenant line, which has no namespace name. */
function reportLines(
  tenant: Tenant,
  range: ReportRange,
  systemName: string,
  withNamespaces: boolean,
): ChargebackLine[] {
  const namespaces = [...tenant.namespaces].sort((a, b) => a.name.localeCompare(b.name));
  return reportPeriods(range).flatMap((period) => {
    const times = {
      startTime: formatTimestamp(period.startMs, range.offsetMinutes),
      endTime: formatTimestamp(period.endMs, range.offsetMinutes),
    };
    const tenantHead = { systemName, tenantName: tenant.name };
    const namespaceLines = withNamespaces
      ? namespaces.map((ns) => reportLine({ ...tenantHead, namespaceName: ns.name }, times, [ns]))
      : [];
    return [...namespaceLines, reportLine(tenantHead, times, tenant.namespaces)];
  });
}

/** GET /tenants/{t}/chargebackReport in XML, JSON or CSV. */
export function getChargebackReport(ctx: MapiContext): EmulatorResponse {
  const tenant = tenantOf(ctx);
  if (tenant.isDefault) throw notFound("chargebackReport is not valid for the default tenant.");
  authorize(ctx.caller, tenant, CHARGEBACK_RULE);
  const format = answerFormat(ctx.req.headers.accept, true);
  const range = readRange(ctx.req.query, tenant);
  // Choice: systemName is the host name the request was sent to, as in the seed's report.
  const systemName = hostNameOf(ctx.req.headers.host);
  // Choice: a system-level account gets namespace lines only from a tenant that allows it administration.
  const withNamespaces = ctx.caller.level === "tenant" || tenant.administrationAllowed;
  const lines = reportLines(tenant, range, systemName, withNamespaces);
  if (format === "csv") {
    const rows = lines.map((line) => CHARGEBACK_COLUMNS.map((column) => line[column] ?? ""));
    return textAnswer("csv", renderCsv(CHARGEBACK_COLUMNS, rows));
  }
  // Choice: in XML and JSON the tenant line leaves namespaceName out rather than sending it empty.
  const document = renderDocument(
    "chargebackReport",
    { chargebackData: lines },
    format,
    ctx.req.query.has("prettyprint"),
  );
  return textAnswer(format, document);
}
