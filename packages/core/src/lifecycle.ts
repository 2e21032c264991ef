// Two lifecycles the vendor layers share: a background task repeated on a timer, one run at a
// time (a keep-alive, a proactive refresh), and a closable object (a server session that ends with
// `close()` or `await using`, and refuses to be used afterwards).
import { SessionClosedError, ValidationError } from "./errors.js";
import { defineAsyncDispose } from "./dispose.js";
import { every, type Repeating } from "./timers.js";
import { MAX_TIMER_MS, optionalFunction } from "./validate.js";

export interface Repeater {
  /**
   * Runs `task` every `intervalMs` (1 to 2147483647), never two runs at once (a tick that finds the
   * previous run still going is skipped). Replaces a running timer. Unref'd: it never keeps a Node
   * process alive. Errors go to `onError` (a throwing `onError` is contained).
   */
  start(intervalMs: number, task: () => Promise<unknown>, onError?: (error: unknown) => void): void;
  /** Stops the timer. Safe to call when none runs. */
  stop(): void;
  readonly running: boolean;
}

export function createRepeater(): Repeater {
  let timer: Repeating | undefined;
  const stop = () => {
    timer?.stop();
    timer = undefined;
  };
  return {
    start(intervalMs, task, onError) {
      if (typeof intervalMs !== "number" || !Number.isFinite(intervalMs) || intervalMs <= 0 || intervalMs > MAX_TIMER_MS) {
        throw new ValidationError("intervalMs", `must be a positive number of milliseconds up to ${MAX_TIMER_MS}`);
      }
      optionalFunction("onError", onError);
      stop();
      let inFlight = false;
      timer = every(
        intervalMs,
        async () => {
          if (inFlight) return;
          inFlight = true;
          try {
            await task();
          } finally {
            inFlight = false;
          }
        },
        onError,
      );
    },
    stop,
    get running() {
      return timer !== undefined;
    },
  };
}

export interface Closable {
  readonly closed: boolean;
  /** Throws SessionClosedError once closed. */
  ensureOpen(operation: string): void;
  /**
   * Closes (once): marks closed at once, then runs `end` (e.g. a logout) and settles as it does.
   * Later calls wait for the same `end` but never throw its error a second time.
   */
  close(end: () => Promise<unknown>): Promise<void>;
}

export function createClosable(vendor: string): Closable {
  let closed = false;
  let closing: Promise<void> | undefined;
  return {
    get closed() {
      return closed;
    },
    ensureOpen(operation) {
      if (closed) throw new SessionClosedError({ vendor, operation });
    },
    close(end) {
      if (closing) return closing;
      closed = true;
      const ending = end().then(() => undefined);
      closing = ending.catch(() => undefined);
      return ending;
    },
  };
}

/** Gives `target` a `close()` and `await using` support (which calls `close()` without arguments). */
export function withClose<T extends object, A extends unknown[]>(target: T, close: (...args: A) => Promise<void>): T & { close(...args: A): Promise<void>; [Symbol.asyncDispose](): Promise<void> } {
  Object.defineProperty(target, "close", { value: close, enumerable: true });
  return defineAsyncDispose(target, () => close(...([] as unknown as A))) as T & { close(...args: A): Promise<void>; [Symbol.asyncDispose](): Promise<void> };
}


/**
 * Makes `target` a session (docs/vocabulary.md: "session" is only an object with `close()` and
 * `await using`): a `closed` flag, and `close(...args)`, which closes `closable` once with
 * `end(...args)` (a logout, a revoke), and which `await using` calls without arguments.
 */
export function asSession<T extends object, A extends unknown[]>(target: T, closable: Closable, end: (...args: A) => Promise<unknown>): T & { readonly closed: boolean; close(...args: A): Promise<void>; [Symbol.asyncDispose](): Promise<void> } {
  Object.defineProperty(target, "closed", { get: () => closable.closed, enumerable: true });
  return withClose(target as T & { readonly closed: boolean }, (...args: A) => closable.close(() => end(...args)));
}
