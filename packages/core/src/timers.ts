// Timers that never keep a Node process alive (unref), and are no-ops elsewhere in that respect.

export interface Repeating {
  /** Stops the timer. Safe to call more than once. */
  stop(): void;
}

/** Runs `task` every `intervalMs`; errors go to `onError` (default: ignored). Unref'd in Node. */
export function every(intervalMs: number, task: () => unknown, onError: (error: unknown) => void = () => {}): Repeating {
  const timer = setInterval(() => {
    try {
      Promise.resolve(task()).catch(onError);
    } catch (error) {
      onError(error);
    }
  }, intervalMs);
  (timer as { unref?: () => void }).unref?.();
  return { stop: () => clearInterval(timer) };
}
