/** Requests are held to the project's contract of the API before any handler runs. */
import { acronisChecker } from "../../contract";
import type { EmulatorRequest } from "../core/router";
import { invalid } from "./errors";

/** What the contract finds wrong with a request (path, query, body); [] when it conforms. */
export function contractProblems(req: Omit<EmulatorRequest, "params">): string[] {
  return acronisChecker().checkRequest({
    method: req.method,
    path: req.path,
    query: req.query,
    requestHeaders: req.headers,
    requestBody: req.body,
    // Only the request half of the exchange is read.
    status: 0,
    responseHeaders: {},
    responseBody: "",
  });
}

// Choice: a request the OAS refuses (unknown or misplaced field, wrong type, undocumented query parameter) is 400 listing every problem, as the platform validates requests against its API description.
export function requireConformingRequest(req: Omit<EmulatorRequest, "params">): void {
  const problems = contractProblems(req);
  if (problems.length > 0) throw invalid(problems.join("; "));
}
