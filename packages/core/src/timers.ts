// Timers that never keep a Node process alive (unref), and are no-ops elsewhere in that respect.

export interface Repeating {
  /** Stops the timer. Safe to call more than once. */
  stop(): void;
}

/**
 * Runs `task` every `intervalMs`; errors go to `onError` (default: ignored). Unref'd in Node. An
 * `onError` that throws is ignored too: a background timer must never crash the process with an
 * unhandled rejection.
 */
export function every(intervalMs: number, task: () => unknown, onError: (error: unknown) => void = () => {}): Repeating {
  const report = (error: unknown) => {
    try {
      Promise.resolve(onError(error)).catch(() => {});
    } catch {
      // See above: the caller's handler failed; nothing else may.
    }
  };
  const timer = setInterval(() => {
    try {
      Promise.resolve(task()).catch(report);
    } catch (error) {
      report(error);
    }
  }, intervalMs);
  (timer as { unref?: () => void }).unref?.();
  return { stop: () => clearInterval(timer) };
}
