// When and how long to wait before retrying a request. Retries happen only for operations that are
// safe to repeat (GET/HEAD/OPTIONS/PUT/DELETE, or a POST the spec marks `x-idempotent: true`), and
// only after a transient failure: 408, 429, 500, 502, 503, 504, or a connection error. A POST that
// creates a token or a key is never retried (a UniCourt account holds at most 10 tokens).

export interface RetryOptions {
  /** Retries after the first attempt. Default: 2. 0 disables retries. */
  maxRetries?: number | undefined;
  /** First backoff delay in ms, doubled per retry. Default: 500. */
  initialDelayMs?: number | undefined;
  /** Longest computed backoff in ms. Default: 8000. */
  maxDelayMs?: number | undefined;
  /**
   * Longest wait a server's `Retry-After` may ask for, in ms. A server that asks for longer is not
   * retried: the error (a RateLimitError for 429) comes at once, with the wait in `retryAfterMs`.
   * Default: 60000.
   */
  maxRetryAfterMs?: number | undefined;
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** The delay requested by a `Retry-After` header (delta-seconds or an HTTP date), in ms. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const ms = Math.round(Number(trimmed) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (0-based): the server's Retry-After when it sent one
 * (capped), else exponential backoff with jitter: min(initial·2^retry, max) scaled by 0.75-1.0.
 */
export function retryDelay(retry: number, options: RetryOptions = {}, retryAfter?: string | null, random: () => number = Math.random, now = Date.now()): number {
  const requested = parseRetryAfter(retryAfter, now);
  if (requested !== undefined) return Math.min(requested, options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS);
  const base = Math.min((options.initialDelayMs ?? 500) * 2 ** retry, options.maxDelayMs ?? 8_000);
  return Math.round(base * (1 - random() * 0.25));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts; leaves no timer behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
