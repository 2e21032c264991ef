// Lets each caller bound its own wait for a shared (single-flight) promise with its CallOptions:
// the caller's signal or timeoutMs rejects only that caller (AbortError / TimeoutError) while the
// shared request runs on, so one impatient caller never fails the others.
import { checkCallOptions, type CallOptions } from "./options.js";
import { createDeadline } from "./deadline.js";
import { AbortError, TimeoutError } from "./errors.js";

/**
 * Joins the shared promise `join()` returns. A signal that is already aborted rejects at once
 * without calling `join` (so nothing is started on behalf of a caller who already gave up).
 */
export function waitWithCallOptions<T>(join: () => Promise<T>, callOptions: CallOptions | undefined, fields: { vendor: string; operation: string }): Promise<T> {
  const call = checkCallOptions(callOptions);
  if (call?.signal === undefined && call?.timeoutMs === undefined) return join();
  const deadline = createDeadline(call.timeoutMs, call.signal);
  const stopped = () => (deadline.timedOut ? new TimeoutError(call.timeoutMs!, fields) : new AbortError({ ...fields, cause: call.signal?.reason }));
  return new Promise<T>((resolve, reject) => {
    if (deadline.signal.aborted) {
      reject(stopped());
      return;
    }
    deadline.signal.addEventListener("abort", () => reject(stopped()), { once: true });
    join().then(resolve, reject);
  }).finally(() => deadline.dispose());
}
