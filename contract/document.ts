/** The shape of a contract file: operations and named JSON Schemas, written from a vendor's documents. */

/** A JSON Schema (draft 2019-09 keywords; ajv compiles it). */
export type Schema = Record<string, unknown>;

export interface QueryParameter {
  required?: boolean;
  schema: Schema;
}

export interface BodyEntry {
  required?: boolean;
  /** Absent when the answer or request has no body. */
  schema?: Schema;
  /** HCP: the XML root element of the body. */
  xmlRoot?: string;
  /** HCP: a CSV answer's media type and its columns in order. */
  contentType?: string;
  csvColumns?: string[];
  /** HCP: headers an answer carries. */
  headers?: Record<string, { required?: boolean }>;
}

export interface Operation {
  operationId?: string;
  source?: string;
  pathParams?: Record<string, Schema>;
  query?: Record<string, QueryParameter>;
  requestBody?: BodyEntry;
  /** Keyed by status ("200"), or by status and media type ("200 text/csv"). */
  responses: Record<string, BodyEntry>;
}

export interface ContractFile {
  title: string;
  source: string;
  operations: Record<string, Operation>;
  definitions?: Record<string, Schema>;
  /** Answers any operation may give besides its own (e.g. 429, 500), with their schemas. */
  commonResponses?: Record<string, BodyEntry>;
}

/** How one API's exchanges are read: its documents, and how its wire differs from the rest. */
export interface ApiContract {
  api: "acronis" | "hcp";
  files: ContractFile[];
  /** The path prefix that operations' paths are relative to. */
  prefix: string;
  /** Acronis refuses unknown query parameters; HCP ignores them (MAPI reference, "Query parameters"). */
  unknownQueryIsViolation: boolean;
}
