// Secret redaction. Every error, log line and serialised form produced by the clients passes
// through a Redactor, so client secrets, passwords, tokens and API keys never leave in clear text.

export const REDACTED = "[REDACTED]";

/** Header names whose values are always secret. Compared lower-case. */
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);

/**
 * Property names whose values are always secret, compared after lower-casing and removing `_`/`-`
 * (so `client_secret`, `clientSecret` and `Client-Secret` all match). Deliberately exact names:
 * `tokenId` or `token_type` are identifiers, not secrets, and stay readable.
 */
const SECRET_KEYS = new Set([
  "secret",
  "clientsecret",
  "password",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "sessionkey",
  "samltoken",
  "apikey",
  "key",
  "authorization",
  "cookie",
  "setcookie",
  "assertion",
]);

const normaliseKey = (key: string) => key.toLowerCase().replace(/[-_]/g, "");

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normaliseKey(key));
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/**
 * Remembers the secret values one client knows (its client secret, the tokens it obtained) and
 * removes them from any string or value, in addition to the key-based rules above.
 */
export class Redactor {
  // Shortest secrets we track: anything shorter would redact ordinary words.
  static readonly MIN_SECRET_LENGTH = 6;
  readonly #secrets = new Set<string>();
  readonly #extraKeys: ReadonlySet<string>;

  /**
   * @param options.secretKeys vendor-specific property names whose values are always secret, on
   *   top of the built-in list (e.g. BlueJeans' `meetingPasscode`, often too short to register as
   *   a value). Compared like the built-in names: lower-case, without `_`/`-`.
   */
  constructor(options: { secretKeys?: readonly string[] } = {}) {
    this.#extraKeys = new Set((options.secretKeys ?? []).map(normaliseKey));
  }

  /** Whether a property name holds a secret, for this redactor. */
  isSecretKey(key: string): boolean {
    return isSecretKey(key) || this.#extraKeys.has(normaliseKey(key));
  }

  /** Registers secret values (empty or very short values are ignored). Returns `this`. */
  add(...secrets: Array<string | undefined | null>): this {
    for (const secret of secrets) {
      if (typeof secret === "string" && secret.length >= Redactor.MIN_SECRET_LENGTH) this.#secrets.add(secret);
    }
    return this;
  }

  /** Forgets a secret value (for example a token that was invalidated). */
  delete(secret: string): void {
    this.#secrets.delete(secret);
  }

  string(text: string): string {
    let out = text;
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    // Bearer/Basic credentials that were never registered (for example in a server's echo).
    return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`);
  }

  /** A deep copy of `value` with secret keys and registered secret strings replaced. */
  value<T>(value: T, depth = 0): T {
    if (typeof value === "string") return this.string(value) as T;
    if (value === null || typeof value !== "object" || depth > 20) return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1)) as T;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      out[key] = this.isSecretKey(key) && item !== null && item !== undefined && item !== "" ? REDACTED : this.value(item, depth + 1);
    }
    return out as T;
  }

  /** A URL with secret query parameters (e.g. `access_token`) and registered secrets replaced. */
  url(raw: string): string {
    if (!raw) return raw;
    try {
      const url = new URL(raw);
      for (const key of [...url.searchParams.keys()]) if (this.isSecretKey(key)) url.searchParams.set(key, REDACTED);
      if (url.username || url.password) {
        url.username = REDACTED;
        url.password = "";
      }
      return this.string(url.href);
    } catch {
      return this.string(raw);
    }
  }

  /** Headers as a plain record with secret headers and registered secrets replaced. */
  headers(headers: Headers | Record<string, string> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!headers) return out;
    const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
    for (const [name, value] of entries) {
      out[name.toLowerCase()] = isSecretHeader(name) ? REDACTED : this.string(value);
    }
    return out;
  }
}
