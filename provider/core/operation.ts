import { AsyncLocalStorage } from "node:async_hooks";

/** What one provider operation (a create, a read…) carries through all the requests it makes. */
export interface OperationContext {
  /** Epoch ms after which no retry is started; requests already sent still end on their own timeout. */
  deadline: number;
  /** e.g. `create CustomerTenant "Customer, Inc"`, for the deadline's error message. */
  label: string;
  /** The named account the resource lives in (its `account` input); absent: the default account. */
  account?: string;
}

export const operationContext = new AsyncLocalStorage<OperationContext>();

/** Whether waiting `delayMs` more would pass the current operation's deadline. */
export function pastDeadline(delayMs: number, now = Date.now()): OperationContext | undefined {
  const context = operationContext.getStore();
  return context && now + delayMs > context.deadline ? context : undefined;
}
