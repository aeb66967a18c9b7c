/** Hands each API exchange to the process's contract ledger, when the test command turned checking on. */
import type { ContractChecker } from "../../contract/checker";
import { type Api, contractLedger } from "../../contract/ledger";
import type { EmulatorRequest, EmulatorResponse } from "./router";

type Run = () => Promise<EmulatorResponse>;

/** Wraps an API request's handler so its request and answer are checked; unchanged when checking is off. */
export function checkedRun(
  api: Api,
  checker: () => ContractChecker,
  request: Omit<EmulatorRequest, "params">,
  run: Run,
): Run {
  const ledger = contractLedger;
  if (!ledger) return run;
  return async () => {
    const answer = await run();
    ledger.record(api, checker(), {
      method: request.method,
      path: request.path,
      query: request.query,
      requestHeaders: request.headers,
      requestBody: request.body,
      status: answer.status,
      responseHeaders: answer.headers ?? {},
      responseBody: answer.body ?? "",
    });
    return answer;
  };
}
