/** Text in the report's HTML: escaping of user data, and figures for a person. */

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text as HTML, safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** JSON for a `<script type="application/json">` block: no `<` (so no `</script>` or `<!--`), `>` or `&` in it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const GB = 1024 ** 3;

/** A number with grouped thousands and at most `digits` decimals, the same on every machine. */
export function numberText(value: number, digits = 2): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** Bytes in GB as the portal counts them (1 GB = 1024³ bytes). */
export function gigabytes(bytes: number): number {
  return bytes / GB;
}

/** A ratio as a whole percentage (one decimal below 10 %). */
export function percentText(ratio: number): string {
  const percent = ratio * 100;
  return `${numberText(percent, percent < 10 ? 1 : 0)} %`;
}

const flagLabels: Record<string, string> = {
  "over-quota": "over quota",
  "near-quota": "near quota",
  "trial-ending": "trial ends soon",
  "two-factor-off": "two-factor off",
  disabled: "disabled",
  unknown: "unknown",
  drift: "drift",
  undeclared: "not in the estate file",
};

/** The badge text of a flag; a flag this page does not know shows as it is. */
export function flagLabel(flag: string): string {
  return flagLabels[flag] ?? flag;
}

/** A flag as a CSS class token (letters, digits and hyphens only), so user text never shapes markup. */
export function flagClass(flag: string): string {
  return `flag-${flag.toLowerCase().replace(/[^a-z0-9-]/g, "_")}`;
}

/** An API's name for a person. */
export function apiName(api: "acronis" | "hcp"): string {
  return api === "acronis" ? "Acronis" : "HCP";
}

/** An ISO 8601 time as `YYYY-MM-DD HH:MM UTC`, or the text as it is when it is not a time. */
export function timeText(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** An ISO 8601 time as its UTC date, or the text as it is when it is not a time. */
export function dateText(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toISOString().slice(0, 10);
}

/** A drifted value for a person: strings as they are, anything else as JSON. */
export function driftValueText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? String(value);
}

/** A tenant's kind for a person, with its named account: `Acronis customer (eu)`. */
export function kindText(tenant: { api: "acronis" | "hcp"; account: string }): string {
  const kind = `${apiName(tenant.api)} ${tenant.api === "acronis" ? "customer" : "tenant"}`;
  return tenant.account === "" ? kind : `${kind} (${tenant.account})`;
}
