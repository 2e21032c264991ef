// Secret redaction. Every error, log line and serialised form produced by the clients passes
// through a Redactor, so client secrets, passwords, tokens and API keys never leave in clear text.
//
// A secret is looked for in every form a server or a library may echo it in: as it is, JSON-escaped,
// percent-encoded (URL and form encoding, either hex case) and base64-encoded (standard and URL-safe
// alphabets, at any byte offset, so `Basic base64(id:secret)` is caught too). Secrets too short to
// search for as substrings (under MIN_SECRET_LENGTH characters: a 4-digit meeting passcode, a short
// password) are matched as whole words and exact values instead.
//
// Secrets have one of three lifetimes, so the set stays small however many pass through a client:
//   - add(secret):      for the client's life (its own credentials);
//   - during(secrets):  while one call runs (a token being introspected or revoked, a per-call
//                       token). Errors copy redacted data when they are created, so nothing leaks
//                       after the call ends;
//   - remember(secret): secrets the API hands back (new tokens, API keys, private keys), kept for the
//                       most recent `maxRemembered` of them.
// Reference counts make concurrent calls with the same secret safe.

export const REDACTED = "[REDACTED]";
/** What replaces a part of a value nested deeper than the redactor follows. */
export const TRUNCATED = "[TRUNCATED]";

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
  "rawtoken",
  "sessionkey",
  "samltoken",
  "authtoken",
  "apikey",
  "key",
  "privatekey",
  "authorization",
  "cookie",
  "setcookie",
  "assertion",
]);

/** How deep `value()` follows nested objects; deeper parts become TRUNCATED. */
const MAX_DEPTH = 20;

const normaliseKey = (key: string) => key.toLowerCase().replace(/[-_]/g, "");

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normaliseKey(key));
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

// Credentials that were never registered (for example in a server's echo of the request), in any
// letter case. A run of lower-case letters after the scheme is an English word ("Basic
// authentication required"), not a credential: a credential has a digit, a symbol or a capital.
const UNREGISTERED_CREDENTIAL = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi;
const LOOKS_LIKE_CREDENTIAL = /[0-9._~+/=-]|.[A-Z]/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface RedactorOptions {
  /**
   * Vendor-specific property names whose values are always secret, on top of the built-in list
   * (e.g. BlueJeans' `meetingPasscode`). Compared like the built-in names: lower-case, without `_`/`-`.
   */
  secretKeys?: readonly string[] | undefined;
  /** How many secrets received from the API `remember()` keeps. Default: 256. */
  maxRemembered?: number | undefined;
}

/**
 * Remembers the secret values one client knows (its client secret, the tokens it obtained) and
 * removes them, in every encoding, from any string or value, in addition to the key-based rules.
 */
export class Redactor {
  /** Secrets shorter than this are matched as whole words and exact values, not as substrings. */
  static readonly MIN_SECRET_LENGTH = 6;
  readonly #extraKeys: ReadonlySet<string>;
  readonly #maxRemembered: number;
  readonly #kept = new Set<string>();
  readonly #inUse = new Map<string, number>();
  /** Insertion-ordered: the first entry is the oldest. */
  readonly #remembered = new Set<string>();
  /** Every secret held by any lifetime, and the patterns built from them (rebuilt lazily). */
  readonly #active = new Set<string>();
  #patterns: { long: RegExp | undefined; short: RegExp | undefined; longest: number } | undefined;

  constructor(options: RedactorOptions = {}) {
    this.#extraKeys = new Set((options.secretKeys ?? []).map(normaliseKey));
    this.#maxRemembered = options.maxRemembered ?? 256;
  }

  /** Whether a property name holds a secret, for this redactor. */
  isSecretKey(key: string): boolean {
    return isSecretKey(key) || this.#extraKeys.has(normaliseKey(key));
  }

  /** Registers secret values for the life of this redactor (empty values are ignored). Returns `this`. */
  add(...secrets: Array<string | undefined | null>): this {
    for (const secret of secrets) {
      if (!isSecretValue(secret)) continue;
      this.#kept.add(secret);
      this.#activate(secret);
    }
    return this;
  }

  /** Registers a secret received from the API; only the most recent `maxRemembered` are kept. */
  remember(secret: string | undefined | null): void {
    if (!isSecretValue(secret)) return;
    this.#remembered.delete(secret);
    this.#remembered.add(secret);
    this.#activate(secret);
    while (this.#remembered.size > this.#maxRemembered) {
      const oldest = this.#remembered.values().next().value as string;
      this.#remembered.delete(oldest);
      this.#release(oldest);
    }
  }

  /**
   * Remembers (as `remember` does) a token object's secrets: its `value` and every string under a
   * secret key, a few levels deep (a token read from a shared store never passed through a response).
   */
  rememberSecretsOf(token: { readonly value: string }): void {
    this.remember(token.value);
    const walk = (node: unknown, depth: number): void => {
      if (depth > 4 || node === null || typeof node !== "object") return;
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === "string" && this.isSecretKey(key)) this.remember(child);
        else walk(child, depth + 1);
      }
    };
    walk(token, 0);
  }

  /** Registers `secrets` while `task` runs. */
  async during<T>(secrets: ReadonlyArray<string | undefined | null>, task: () => Promise<T>): Promise<T> {
    // (One secret, the usual case, skips the Set.)
    const held = secrets.length === 1 ? secrets.filter(isSecretValue) : [...new Set(secrets.filter(isSecretValue))];
    // Nothing to hold (a call that sends no secret): no bookkeeping, no extra async frame.
    if (held.length === 0) return task();
    for (const secret of held) {
      this.#inUse.set(secret, (this.#inUse.get(secret) ?? 0) + 1);
      this.#activate(secret);
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

  /**
   * Ends the client-lifetime registration of a secret that is no longer in use (a session that was
   * closed): it stays redacted as one of the `maxRemembered` most recent, for late errors that may
   * still carry it, instead of for the client's life.
   */
  retire(secret: string | undefined | null): void {
    if (!isSecretValue(secret) || !this.#kept.delete(secret)) return;
    this.remember(secret);
  }

  /** Forgets a secret registered with `add` or `remember` (for example a token that was invalidated). */
  delete(secret: string): void {
    this.#kept.delete(secret);
    this.#remembered.delete(secret);
    this.#release(secret);
  }

  /** How many secrets are registered now (for tests and diagnostics). */
  get size(): number {
    return this.#active.size;
  }

  string(text: string): string {
    let out = text;
    if (this.#active.size > 0) {
      const { long, short } = this.#compiled();
      if (long) out = out.replace(long, REDACTED);
      if (short) out = out.replace(short, REDACTED);
    }
    return out.replace(UNREGISTERED_CREDENTIAL, (match, scheme: string, space: string, credential: string) => (LOOKS_LIKE_CREDENTIAL.test(credential) ? `${scheme}${space}${REDACTED}` : match));
  }

  /**
   * The first `length` characters of `text`, redacted before it is cut: a secret that straddles
   * the cut never leaves its head behind.
   */
  excerpt(text: string, length: number): string {
    const window = length + (this.#active.size ? this.#compiled().longest : 0) + 64;
    return this.string(text.length > window ? text.slice(0, window) : text).slice(0, length);
  }

  /**
   * A deep copy of `value` with secret keys and registered secret strings replaced. Parts nested
   * deeper than 20 levels become "[TRUNCATED]", so the copy can always be serialised. Properties
   * are copied as own data properties: a `__proto__` key in a server's JSON stays a plain key.
   */
  value<T>(value: T): T {
    return this.#copy(value, 0) as T;
  }

  #copy(value: unknown, depth: number): unknown {
    if (typeof value === "string") return this.string(value);
    if (value === null || typeof value !== "object") return value;
    if (depth >= MAX_DEPTH) return TRUNCATED;
    if (Array.isArray(value)) return value.map((item) => this.#copy(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      const copy = this.isSecretKey(key) && item !== null && item !== undefined && item !== "" ? REDACTED : this.#copy(item, depth + 1);
      Object.defineProperty(out, this.string(key), { value: copy, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** A URL with secret query parameters (e.g. `access_token`), user info and registered secrets replaced. */
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

  /** Only the origin of a URL (scheme, host, port), redacted: what an error may say about a target. */
  origin(raw: string | null | undefined, base?: string): string | undefined {
    if (!raw) return undefined;
    try {
      const origin = new URL(raw, base).origin;
      return origin === "null" ? undefined : this.string(origin);
    } catch {
      return undefined;
    }
  }

  /** Headers as a plain record with secret headers and registered secrets replaced. */
  headers(headers: Headers | Record<string, string> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!headers) return out;
    const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
    for (const [name, value] of entries) {
      Object.defineProperty(out, name.toLowerCase(), { value: isSecretHeader(name) ? REDACTED : this.string(String(value)), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /**
   * A redacted stand-in for an error that is about to be kept as a `cause`: same name, message,
   * code and stack with secrets removed, and its own cause redacted likewise (a few levels deep).
   * Runtime errors can carry a request's credential ("Headers.set: 'Bearer …' is an invalid header
   * value"), and Node prints causes of unhandled rejections.
   */
  error(cause: unknown, depth = 0): unknown {
    if (!(cause instanceof Error)) return typeof cause === "string" ? this.string(cause) : cause === undefined || cause === null || typeof cause !== "object" ? cause : this.value(cause);
    const copy = new Error(this.string(cause.message), depth < 4 && cause.cause !== undefined ? { cause: this.error(cause.cause, depth + 1) } : undefined);
    Object.defineProperty(copy, "name", { value: this.string(cause.name), enumerable: false, configurable: true, writable: true });
    copy.stack = this.string(cause.stack ?? `${copy.name}: ${copy.message}`);
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number") Object.defineProperty(copy, "code", { value: code, enumerable: true });
    return copy;
  }

  #activate(secret: string): void {
    if (this.#active.has(secret)) return;
    this.#active.add(secret);
    this.#patterns = undefined;
  }

  #release(secret: string): void {
    if (this.#kept.has(secret) || this.#inUse.has(secret) || this.#remembered.has(secret)) return;
    if (this.#active.delete(secret)) this.#patterns = undefined;
  }

  #compiled(): { long: RegExp | undefined; short: RegExp | undefined; longest: number } {
    if (this.#patterns) return this.#patterns;
    const long = new Set<string>();
    const short = new Set<string>();
    for (const secret of this.#active) {
      if (secret.length >= Redactor.MIN_SECRET_LENGTH) for (const form of encodedForms(secret)) long.add(form);
      else for (const form of shortForms(secret)) short.add(form);
    }
    // Longest first, so a secret that contains another is replaced whole.
    const alternation = (forms: Set<string>) => [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
    let longest = 0;
    for (const form of [...long, ...short]) longest = Math.max(longest, form.length);
    this.#patterns = {
      longest,
      long: long.size ? new RegExp(alternation(long), "g") : undefined,
      // Whole words only: "1234" is redacted in "passcode 1234 rejected", not in "12345" or "HTTP 401".
      short: short.size ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(short)})(?![\\p{L}\\p{N}])`, "gu") : undefined,
    };
    return this.#patterns;
  }
}

function isSecretValue(secret: unknown): secret is string {
  return typeof secret === "string" && secret.length > 0;
}

/** The forms a short secret is matched in (as whole words). */
function shortForms(secret: string): string[] {
  return [...new Set([secret, jsonEscaped(secret), encodeURIComponent(secret), formEncoded(secret)])];
}

/** Every form a (long enough) secret may be echoed in. */
function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret, jsonEscaped(secret), jsonEscaped(secret).replace(/\//g, "\\/"), asciiJsonEscaped(secret)]);
  for (const encoded of [encodeURIComponent(secret), formEncoded(secret), encodeURI(secret)]) {
    forms.add(encoded);
    forms.add(encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  }
  for (const core of base64Cores(secret)) forms.add(core);
  // Forms shorter than the minimum would redact ordinary text.
  return [...forms].filter((form) => form.length >= Redactor.MIN_SECRET_LENGTH);
}

const jsonEscaped = (secret: string) => JSON.stringify(secret).slice(1, -1);
const asciiJsonEscaped = (secret: string) => jsonEscaped(secret).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const formEncoded = (secret: string) => new URLSearchParams({ s: secret }).toString().slice(2);

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * The parts of the base64 encodings of `secret` that do not depend on the bytes around it: one per
 * byte offset (0, 1, 2) and alphabet (standard, URL-safe). Any base64 text that encodes the secret
 * somewhere (a `Basic` header of `id:secret`, a JWT segment, a cookie) contains one of them.
 */
function base64Cores(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = encodeBase64(padded);
    // Character i covers bits [6i, 6i+6); keep those entirely inside the secret's bits.
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length) - 6) / 6);
    if (last < first) continue;
    const core = encoded.slice(first, last + 1);
    cores.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return cores;
}

function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + BASE64[n & 63]!;
  }
  return out;
}
