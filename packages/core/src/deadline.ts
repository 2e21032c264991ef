// One AbortSignal per call that fires on the caller's signal or on the client's timeout, whichever
// comes first, and knows which one it was. Written by hand because AbortSignal.any() is missing
// from Node 18, one of the runtimes we support. `dispose()` clears the timer and the listener so
// nothing outlives the call.

export interface Deadline {
  readonly signal: AbortSignal;
  /** True when the timeout (not the caller) aborted the signal. */
  readonly timedOut: boolean;
  /** True when the caller's own signal aborted it. */
  readonly abortedByCaller: boolean;
  dispose(): void;
}

export function createDeadline(timeoutMs: number | undefined, callerSignal?: AbortSignal | null): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let abortedByCaller = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const onCallerAbort = () => {
    abortedByCaller = true;
    controller.abort(callerSignal?.reason);
  };
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });

  if (!controller.signal.aborted && timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)) {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  }

  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    get abortedByCaller() {
      return abortedByCaller;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
