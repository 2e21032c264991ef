// The one error hierarchy of every vendor package, and the one place that maps an HTTP response
// to an error class. Errors only ever hold redacted data (see redact.ts), so their message,
// toString(), toJSON() and util.inspect output are safe to log.
//
//   VendorAuthError
//   ├── ApiError (status, body, headers, operation, requestId)
//   │   ├── BadRequestError 400       ├── GoneError 410
//   │   ├── AuthenticationError 401   ├── UnprocessableEntityError 422
//   │   ├── PermissionDeniedError 403 ├── RateLimitError 429
//   │   ├── NotFoundError 404         └── InternalServerError 5xx
//   │   └── ConflictError 409
//   ├── ConnectionError      network failure before or while reading a response
//   ├── TimeoutError         the client's own timeout fired
//   ├── AbortError           the caller's AbortSignal fired
//   ├── ResponseParseError   a success response that is not the JSON the spec promises
//   ├── ValidationError      bad input caught before any request was sent
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
}

export class ApiError<TBody = unknown> extends VendorAuthError {
  override name: string = "ApiError";
  readonly status: number;
  readonly body: TBody;
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;
  /** The vendor's error code, when its error body has one (`code`, `error`, …). */
  readonly code: string | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(message: string, fields: ApiErrorFields) {
    super(message, fields);
    this.status = fields.status;
    this.body = fields.body as TBody;
    this.headers = fields.headers;
    this.requestId = fields.requestId;
    this.code = errorCodeOf(fields.body);
    this.method = fields.method;
    this.url = fields.url;
  }
}

export class BadRequestError<T = unknown> extends ApiError<T> { override name = "BadRequestError" as const; }
export class AuthenticationError<T = unknown> extends ApiError<T> { override name = "AuthenticationError" as const; }
export class PermissionDeniedError<T = unknown> extends ApiError<T> { override name = "PermissionDeniedError" as const; }
export class NotFoundError<T = unknown> extends ApiError<T> { override name = "NotFoundError" as const; }
export class ConflictError<T = unknown> extends ApiError<T> { override name = "ConflictError" as const; }
export class GoneError<T = unknown> extends ApiError<T> { override name = "GoneError" as const; }
export class UnprocessableEntityError<T = unknown> extends ApiError<T> { override name = "UnprocessableEntityError" as const; }
export class RateLimitError<T = unknown> extends ApiError<T> { override name = "RateLimitError" as const; }
export class InternalServerError<T = unknown> extends ApiError<T> { override name = "InternalServerError" as const; }

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

function errorCodeOf(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ["code", "error", "errorCode", "error_code", "type"]) {
    const value = record[key];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return undefined;
}

/** The vendor's own words about the failure, from the usual fields of error bodies. */
function errorTextOf(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim().slice(0, 200) || undefined;
  if (!body || typeof body !== "object") return undefined;
  const record = body as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ["message", "error_description", "title", "detail", "details", "errorMessage"]) {
    const value = record[key];
    if (typeof value === "string" && value && !parts.includes(value)) parts.push(value);
  }
  return parts.length ? parts.join(" | ").slice(0, 300) : undefined;
}

/** Builds the typed error for a non-2xx response. `body` and `headers` must already be redacted. */
export function createApiError(fields: ApiErrorFields & { statusText?: string }): ApiError {
  const ErrorClass = apiErrorClassFor(fields.status);
  const code = errorCodeOf(fields.body);
  const text = errorTextOf(fields.body);
  const head = `${fields.operation ? `${fields.operation}: ` : ""}HTTP ${fields.status}${fields.statusText ? ` ${fields.statusText}` : ""}`;
  const message = [head, code && `[${code}]`, text].filter(Boolean).join(" ");
  return new ErrorClass(message, fields);
}

/** True for any error of this hierarchy (works across duplicate installed copies). */
export function isVendorAuthError(error: unknown): error is VendorAuthError {
  return error instanceof VendorAuthError || (error instanceof Error && "vendor" in error && "operation" in error);
}
