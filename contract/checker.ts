/** Checks one HTTP exchange against an API's contract: the request as sent, the answer as given. */
import type { ApiContract, BodyEntry, Operation, Schema } from "./document";
import { type Reading, SchemaSet } from "./schemas";
import { bodyValue } from "./wire";

/** One request and its answer, as an emulator saw them. */
export interface Exchange {
  method: string;
  /** The full path, API prefix included, percent-decoding not applied. */
  path: string;
  query: URLSearchParams;
  requestHeaders: Record<string, string | string[] | undefined>;
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

export interface MatchedOperation {
  /** `METHOD /template`, as the contract keys it. */
  key: string;
  operation: Operation;
  params: Record<string, string>;
}

interface Template {
  key: string;
  method: string;
  segments: string[];
  literals: number;
  operation: Operation;
}

export class ContractChecker {
  private readonly templates: Template[] = [];
  private readonly schemas: SchemaSet;
  private readonly common: Record<string, BodyEntry>;

  constructor(private readonly contract: ApiContract) {
    this.schemas = new SchemaSet(contract.api, contract.files);
    this.common = Object.assign({}, ...contract.files.map((f) => f.commonResponses ?? {}));
    for (const file of contract.files) {
      for (const [key, operation] of Object.entries(file.operations)) {
        const [method, template] = key.split(" ");
        const segments = split(template);
        const literals = segments.filter((s) => !s.startsWith("{")).length;
        this.templates.push({ key, method, segments, literals, operation });
      }
    }
    // The most literal template wins where several match (/users/me before /users/{user_id}).
    this.templates.sort((a, b) => b.literals - a.literals);
  }

  /** Every documented operation, `METHOD /template`. */
  operations(): string[] {
    return this.templates.map((t) => t.key);
  }

  match(method: string, path: string): MatchedOperation | undefined {
    if (!path.startsWith(this.contract.prefix)) return undefined;
    const segments = split(path.slice(this.contract.prefix.length));
    for (const t of this.templates) {
      if (t.method !== method || t.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const fits = t.segments.every((s, i) => {
        if (!s.startsWith("{")) return s === segments[i];
        params[s.slice(1, -1)] = safeDecode(segments[i]);
        return true;
      });
      if (fits) return { key: t.key, operation: t.operation, params };
    }
    return undefined;
  }

  /** What is wrong with the request; [] when the contract allows it. */
  checkRequest(exchange: Exchange): string[] {
    const matched = this.match(exchange.method, exchange.path);
    if (!matched) return [`${exchange.method} ${exchange.path}: no documented operation`];
    const { operation } = matched;
    const problems: string[] = [];
    for (const [name, schema] of Object.entries(operation.pathParams ?? {}))
      problems.push(...this.at(`path ${name}`, schema, matched.params[name], "request"));
    problems.push(...this.queryProblems(operation, exchange.query));
    const body = operation.requestBody;
    const text = exchange.requestBody;
    if (text.trim() === "") {
      if (body?.required) problems.push("body: required, none sent");
    } else if (!body?.schema) {
      problems.push("body: the operation takes none");
    } else {
      const read = bodyValue(text, header(exchange.requestHeaders, "content-type"), body.xmlRoot);
      if ("problem" in read) problems.push(`body: ${read.problem}`);
      else problems.push(...this.at("body", body.schema, read.value, read.textual ? "coerced" : "request"));
    }
    return problems.map((p) => `${matched.key} request ${p}`);
  }

  /** What is wrong with the answer to a request the contract allows. */
  checkResponse(exchange: Exchange): string[] {
    const matched = this.match(exchange.method, exchange.path);
    if (!matched) return [];
    const contentType = exchange.responseHeaders["Content-Type"] ?? exchange.responseHeaders["content-type"];
    const entry = responseEntry(matched.operation, this.common, exchange.status, contentType);
    const name = `${matched.key} answer ${exchange.status}`;
    if (!entry) return [`${name}: status not documented for this operation`];
    const problems: string[] = [];
    for (const [headerName, rule] of Object.entries(entry.headers ?? {})) {
      const present = Object.keys(exchange.responseHeaders).some(
        (h) => h.toLowerCase() === headerName.toLowerCase(),
      );
      if (rule.required && !present) problems.push(`header ${headerName}: required, absent`);
    }
    const text = exchange.responseBody;
    if (entry.csvColumns) {
      const head = text.split(/\r?\n/, 1)[0];
      if (head !== entry.csvColumns.join(",")) problems.push(`csv header: ${JSON.stringify(head)}`);
    } else if (!entry.schema) {
      if (text !== "" && exchange.method !== "HEAD") problems.push("body: none documented, one given");
    } else if (exchange.method !== "HEAD") {
      const read = bodyValue(text, contentType, entry.xmlRoot);
      if ("problem" in read) problems.push(`body: ${read.problem}`);
      else
        problems.push(
          ...this.at("body", entry.schema, read.value, read.textual ? "coercedAnswer" : "answer"),
        );
    }
    return problems.map((p) => `${name} ${p}`);
  }

  private queryProblems(operation: Operation, query: URLSearchParams): string[] {
    const documented = operation.query ?? {};
    const problems: string[] = [];
    const names = new Set(query.keys());
    for (const name of names) {
      const param = documented[name];
      if (!param) {
        if (this.contract.unknownQueryIsViolation) problems.push(`query ${name}: not documented`);
        continue;
      }
      const values = query.getAll(name);
      const value = values.length === 1 ? values[0] : values;
      problems.push(...this.at(`query ${name}`, param.schema, value, "coerced"));
    }
    for (const [name, param] of Object.entries(documented))
      if (param.required && !names.has(name)) problems.push(`query ${name}: required, absent`);
    return problems;
  }

  /** Validates inside a wrapper object, so coercion can replace the value and errors name it. */
  private at(label: string, schema: Schema, value: unknown, reading: Reading): string[] {
    return this.schemas
      .problems({ type: "object", properties: { v: schema } }, { v: value }, reading)
      .map((p) => `${label}${p.replace(/^\/v/, "")}`);
  }
}

function responseEntry(
  operation: Operation,
  common: Record<string, BodyEntry>,
  status: number,
  contentType: string | undefined,
): BodyEntry | undefined {
  const media = contentType?.split(";")[0].trim();
  const responses = operation.responses;
  return (
    (media ? responses[`${status} ${media}`] : undefined) ??
    responses[String(status)] ??
    responses.default ??
    common[String(status)]
  );
}

function header(headers: Exchange["requestHeaders"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
