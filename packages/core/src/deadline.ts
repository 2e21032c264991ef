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
  return new CallDeadline(timeoutMs, callerSignals);
}

// A class with private fields rather than an object literal with getters and closures: one is
// made per attempt of every call, and this is the cheaper shape to create (profile.mjs).
class CallDeadline implements Deadline {
  readonly #controller = new AbortController();
  readonly signal: AbortSignal = this.#controller.signal;
  #timedOut = false;
  #abortedByCaller = false;
  #callerReason: unknown;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The caller's signals and their listeners (none when the caller gave no signal). */
  #listeners: Array<{ signal: AbortSignal; onAbort: () => void }> | undefined;

  constructor(timeoutMs: number | undefined, callerSignals: Array<AbortSignal | null | undefined>) {
    for (const signal of callerSignals) {
      if (signal === undefined || signal === null) continue;
      const onAbort = () => {
        if (this.signal.aborted) return;
        this.#abortedByCaller = true;
        this.#callerReason = signal.reason;
        this.#controller.abort(signal.reason);
      };
      (this.#listeners ??= []).push({ signal, onAbort });
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    }
    if (!this.signal.aborted && timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        this.#controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    }
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }
  get abortedByCaller(): boolean {
    return this.#abortedByCaller;
  }
  get callerReason(): unknown {
    return this.#callerReason;
  }

  stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  dispose(): void {
    this.stopTimer();
    for (const { signal, onAbort } of this.#listeners ?? []) signal.removeEventListener("abort", onAbort);
    this.#listeners = undefined;
  }
}
