// The one error hierarchy of every vendor package, and the one place that maps an HTTP response
// to an error class. Errors only ever hold redacted data (see redact.ts), so their message,
// toString(), toJSON() and util.inspect output are safe to log.
//
//   VendorAuthError
//   ├── ApiError (status, body, headers, operation, requestId)
//   │   ├── BadRequestError 400       ├── GoneError 410
//   │   ├── AuthenticationError 401   ├── UnprocessableEntityError 422
//   │   ├── PermissionDeniedError 403 ├── RateLimitError 429
//   │   ├── NotFoundError 404         ├── InternalServerError 5xx
//   │   ├── ConflictError 409         └── RedirectError 3xx (never followed)
//   ├── ConnectionError      fetch itself failed, or the response body ended early
//   ├── TimeoutError         the client's own timeout fired
//   ├── AbortError           the caller's AbortSignal fired
//   ├── ResponseParseError   a success response that is not the JSON the spec promises
//   ├── ValidationError      bad input or options, caught before any request was sent
//   └── SessionClosedError   a session used after it was closed (invalidated or disposed)
//
// Switch on `error.name` (a literal per class) or `error.status` rather than `instanceof` when two
// copies of a package may be installed.

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

export interface VendorAuthErrorFields {
  /** The operation (operationId) that failed, when known. */
  operation?: string | undefined;
  /** The vendor package that raised the error, e.g. "unicourt". */
  vendor?: string | undefined;
  cause?: unknown;
}

export class VendorAuthError extends Error {
  override name: string = "VendorAuthError";
  operation: string | undefined;
  readonly vendor: string | undefined;

  constructor(message: string, fields: VendorAuthErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.operation = fields.operation;
    this.vendor = fields.vendor;
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** A plain, redacted description of the error (what JSON.stringify and loggers see). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (value !== undefined && key !== "cause") json[key] = value;
    return json;
  }

  [inspectSymbol](): string {
    return `${this.name}: ${this.message} ${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

export interface ApiErrorFields extends VendorAuthErrorFields {
  status: number;
  /** The parsed (and redacted) response body: the vendor's error object, or text when not JSON. */
  body: unknown;
  /** Response headers, lower-case names, secret headers redacted. */
  headers: Record<string, string>;
  /** The vendor's request id, from the header the vendor uses for it, when present. */
  requestId?: string | undefined;
  method?: string | undefined;
  url?: string | undefined;
  /** The wait the server asked for in `Retry-After`, in ms, when it sent one. */
  retryAfterMs?: number | undefined;
}

/**
 * The API answered with an error status. `body` is `unknown` on purpose: it is what the server
 * sent (redacted), which may not be the documented error schema; check its shape before use.
 */
export class ApiError extends VendorAuthError {
  override name: string = "ApiError";
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;
  /** The vendor's error code, when its error body has one (`code`, `error`, …). */
  readonly code: string | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;
  /** The wait the server asked for in `Retry-After`, in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, fields: ApiErrorFields) {
    super(message, fields);
    this.status = fields.status;
    this.body = fields.body;
    this.headers = fields.headers;
    this.requestId = fields.requestId;
    this.code = errorCodeOf(fields.body);
    this.method = fields.method;
    this.url = fields.url;
    this.retryAfterMs = fields.retryAfterMs;
  }
}

export class BadRequestError extends ApiError { override name = "BadRequestError" as const; }
export class AuthenticationError extends ApiError { override name = "AuthenticationError" as const; }
export class PermissionDeniedError extends ApiError { override name = "PermissionDeniedError" as const; }
export class NotFoundError extends ApiError { override name = "NotFoundError" as const; }
export class ConflictError extends ApiError { override name = "ConflictError" as const; }
export class GoneError extends ApiError { override name = "GoneError" as const; }
export class UnprocessableEntityError extends ApiError { override name = "UnprocessableEntityError" as const; }
export class RateLimitError extends ApiError { override name = "RateLimitError" as const; }
export class InternalServerError extends ApiError { override name = "InternalServerError" as const; }

/**
 * The server answered an operation of the helper layer with a redirect (3xx), which is never
 * followed: following it would re-send the request's credentials (a client secret, a password, a
 * token) to wherever the `Location` points. `targetOrigin` is only the origin of the target
 * (scheme, host, port), redacted; undefined when the runtime hides it (a browser's opaque redirect).
 */
export class RedirectError extends ApiError {
  override name = "RedirectError" as const;
  readonly targetOrigin: string | undefined;
  constructor(message: string, fields: ApiErrorFields & { targetOrigin?: string | undefined }) {
    super(message, fields);
    this.targetOrigin = fields.targetOrigin;
  }
}

export class ConnectionError extends VendorAuthError {
  override name = "ConnectionError" as const;
  /** The HTTP status, when the connection failed after the response head arrived. */
  readonly status: number | undefined;
  constructor(message: string, fields: VendorAuthErrorFields & { status?: number } = {}) {
    super(message, fields);
    this.status = fields.status;
  }
}

export class TimeoutError extends VendorAuthError {
  override name = "TimeoutError" as const;
  readonly timeoutMs: number;
  constructor(timeoutMs: number, fields: VendorAuthErrorFields = {}) {
    super(`Request timed out after ${timeoutMs} ms`, fields);
    this.timeoutMs = timeoutMs;
  }
}

export class AbortError extends VendorAuthError {
  override name = "AbortError" as const;
  constructor(fields: VendorAuthErrorFields = {}) {
    super("Request aborted by the caller's signal", fields);
  }
}

export class ResponseParseError extends VendorAuthError {
  override name = "ResponseParseError" as const;
  readonly status: number;
  readonly contentType: string | undefined;
  /** The start of the body (at most 200 characters, redacted), to help diagnose. */
  readonly excerpt: string;
  constructor(message: string, fields: VendorAuthErrorFields & { status: number; contentType?: string | undefined; excerpt: string }) {
    super(message, fields);
    this.status = fields.status;
    this.contentType = fields.contentType;
    this.excerpt = fields.excerpt;
  }
}

export class ValidationError extends VendorAuthError {
  override name = "ValidationError" as const;
  /** The option, parameter or body field at fault, e.g. "clientSecret" or "tokenId". */
  readonly field: string;
  constructor(field: string, problem: string, fields: VendorAuthErrorFields = {}) {
    super(`Invalid ${field}: ${problem}`, fields);
    this.field = field;
  }
}

/**
 * A session was used after it was closed (by invalidating its token, `close()` or `await using`
 * disposal). Open a new session instead.
 */
export class SessionClosedError extends VendorAuthError {
  override name = "SessionClosedError" as const;
  constructor(fields: VendorAuthErrorFields = {}) {
    super(`${fields.operation ? `${fields.operation}: ` : ""}the session is closed (its access token was invalidated); open a new session`, fields);
  }
}

const STATUS_CLASSES: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  410: GoneError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The ApiError subclass for a status (5xx → InternalServerError, others → ApiError). */
export function apiErrorClassFor(status: number): typeof ApiError {
  return STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/** An own property of a JSON object (never one inherited through a `__proto__` key or a prototype). */
function ownField(record: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

function errorCodeOf(body: unknown): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return undefined;
  for (const key of ["code", "error", "errorCode", "error_code", "type"]) {
    const value = ownField(body, key);
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return undefined;
}

/** The vendor's own words about the failure, from the usual fields of error bodies. */
function errorTextOf(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim().slice(0, 200) || undefined;
  if (!body || typeof body !== "object" || Array.isArray(body)) return undefined;
  const parts: string[] = [];
  // `error_message` is Agilicus' field, `errorMessage` UniCourt's; the others are common to many APIs.
  for (const key of ["message", "error_message", "errorMessage", "error_description", "title", "detail", "details"]) {
    const value = ownField(body, key);
    if (typeof value === "string" && value && !parts.includes(value)) parts.push(value);
  }
  return parts.length ? parts.join(" | ").slice(0, 300) : undefined;
}

/**
 * Builds the typed error for a non-2xx response: "op: HTTP 410 Gone [code] the vendor's text (the
 * spec's description of the status)". `body`, `headers` and `statusText` must already be redacted.
 */
export function createApiError(fields: ApiErrorFields & { statusText?: string | undefined; documented?: string | undefined }): ApiError {
  const ErrorClass = apiErrorClassFor(fields.status);
  const code = errorCodeOf(fields.body);
  const text = errorTextOf(fields.body);
  const head = `${fields.operation ? `${fields.operation}: ` : ""}HTTP ${fields.status}${fields.statusText ? ` ${fields.statusText}` : ""}`;
  const documented = fields.documented && !text?.includes(fields.documented) ? `(${fields.documented})` : undefined;
  const message = [head, code && `[${code}]`, text, documented].filter(Boolean).join(" ");
  const { documented: _documented, statusText: _statusText, ...rest } = fields;
  return new ErrorClass(message, rest);
}

/** True for any error of this hierarchy (works across duplicate installed copies). */
export function isVendorAuthError(error: unknown): error is VendorAuthError {
  return error instanceof VendorAuthError || (error instanceof Error && "vendor" in error && "operation" in error);
}

/**
 * The non-empty string a success response must carry at `path` (e.g. the token of a token
 * response): a response without it is a ResponseParseError, not a token `undefined` that would be
 * cached and sent as `Bearer undefined`. The value is never put in the error.
 */
export function requireResponseString(data: unknown, path: readonly string[], fields: { vendor: string; operation: string; status?: number }): string {
  let value: unknown = data;
  for (const key of path) value = value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value !== "string" || value.length === 0) {
    const problem = value === undefined ? "has no" : typeof value !== "string" ? `has a non-string (${value === null ? "null" : typeof value})` : "has an empty";
    throw new ResponseParseError(`${fields.operation}: the response ${problem} \`${path.join(".")}\``, { ...fields, status: fields.status ?? 200, excerpt: "" });
  }
  return value;
}
