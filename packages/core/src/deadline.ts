// One AbortSignal per call that fires on any of the caller's signals or on the client's timeout,
// whichever comes first, and knows which one it was. Written by hand because AbortSignal.any() is
// missing from Node 18, one of the runtimes we support. `dispose()` clears the timer and the
// listeners so nothing outlives the call; `stopTimer()` ends only the timeout (for a response whose
// body is the caller's to read: the caller's own signal must still abort it).

export interface Deadline {
  readonly signal: AbortSignal;
  /** True when the timeout (not the caller) aborted the signal. */
  readonly timedOut: boolean;
  /** True when one of the caller's own signals aborted it. */
  readonly abortedByCaller: boolean;
  /** The reason of the caller's signal that aborted, if one did. */
  readonly callerReason: unknown;
  /** Clears the timeout; the caller's signals still abort. */
  stopTimer(): void;
  dispose(): void;
}

export function createDeadline(timeoutMs: number | undefined, ...callerSignals: Array<AbortSignal | null | undefined>): Deadline {
  const controller = new AbortController();
  const signals = callerSignals.filter((signal): signal is AbortSignal => signal !== undefined && signal !== null);
  let timedOut = false;
  let abortedByCaller = false;
  let callerReason: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const listeners = signals.map((signal) => {
    const onAbort = () => {
      if (controller.signal.aborted) return;
      abortedByCaller = true;
      callerReason = signal.reason;
      controller.abort(signal.reason);
    };
    return { signal, onAbort };
  });
  for (const { signal, onAbort } of listeners) {
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  }

  if (!controller.signal.aborted && timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)) {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  }

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    get abortedByCaller() {
      return abortedByCaller;
    },
    get callerReason() {
      return callerReason;
    },
    stopTimer,
    dispose() {
      stopTimer();
      for (const { signal, onAbort } of listeners) signal.removeEventListener("abort", onAbort);
    },
  };
}
