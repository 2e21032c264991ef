// Lifetimes for the secrets a client registers with its Redactor. core's Redactor only grows, which
// is right for a client's own credentials but not for values that pass through it: a gateway that
// introspects every incoming token, or a service that mints a token per user, would otherwise make
// the Redactor (and the cost of every redaction) grow without bound. Three lifetimes:
//   - keep(secret):     for the client's life (the configured bearer token);
//   - during(secrets):  while one call runs (a token being introspected, revoked or reissued, the
//                       provider's token on the request it authorises). Errors copy redacted data
//                       when they are created, so nothing leaks after the call ends;
//   - remember(secret): secrets the API hands back (new tokens, API keys, private keys), kept for
//                       the most recent `maxRemembered` of them.
// Reference counts make concurrent calls with the same secret safe.
import type { Redactor } from "./redact.js";

export class SecretScope {
  readonly #redactor: Redactor;
  readonly #maxRemembered: number;
  readonly #kept = new Set<string>();
  readonly #inUse = new Map<string, number>();
  /** Insertion-ordered: the first entry is the oldest. */
  readonly #remembered = new Set<string>();

  constructor(redactor: Redactor, options: { maxRemembered?: number } = {}) {
    this.#redactor = redactor;
    this.#maxRemembered = options.maxRemembered ?? 256;
  }

  /** Redacts `secret` for the life of the client. */
  keep(secret: string | undefined): void {
    if (!secret) return;
    this.#kept.add(secret);
    this.#redactor.add(secret);
  }

  /** Redacts a secret received from the API; only the most recent `maxRemembered` are kept. */
  remember(secret: string | undefined | null): void {
    if (!secret) return;
    this.#remembered.delete(secret);
    this.#remembered.add(secret);
    this.#redactor.add(secret);
    while (this.#remembered.size > this.#maxRemembered) {
      const oldest = this.#remembered.values().next().value as string;
      this.#remembered.delete(oldest);
      this.#release(oldest);
    }
  }

  /** Redacts `secrets` while `task` runs. */
  async during<T>(secrets: ReadonlyArray<string | undefined>, task: () => Promise<T>): Promise<T> {
    const held = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length > 0))];
    for (const secret of held) {
      this.#inUse.set(secret, (this.#inUse.get(secret) ?? 0) + 1);
      this.#redactor.add(secret);
    }
    try {
      return await task();
    } finally {
      for (const secret of held) {
        const count = (this.#inUse.get(secret) ?? 1) - 1;
        if (count > 0) this.#inUse.set(secret, count);
        else {
          this.#inUse.delete(secret);
          this.#release(secret);
        }
      }
    }
  }

  /** Forgets a secret unless another lifetime still holds it. */
  #release(secret: string): void {
    if (this.#kept.has(secret) || this.#inUse.has(secret) || this.#remembered.has(secret)) return;
    this.#redactor.delete(secret);
  }
}
