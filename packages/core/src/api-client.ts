// The transport every vendor helper layer runs on: an openapi-fetch client typed by the vendor's
// generated `paths`, plus `call()`, which runs one operation with a deadline and turns every
// outcome into either the typed success body or one error of the hierarchy in errors.ts.
import createClient, { type Client } from "openapi-fetch";
import {
  AbortError,
  ConnectionError,
  ResponseParseError,
  TimeoutError,
  VendorAuthError,
  createApiError,
} from "./errors.js";
import { createDeadline } from "./deadline.js";
import { Redactor } from "./redact.js";

/** Options every vendor client accepts. */
export interface TransportOptions {
  /** The fetch implementation. Default: `globalThis.fetch` (Node 18+, browsers, edge runtimes). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Time limit of one request, response body included, in milliseconds. Default: 60000. */
  timeoutMs?: number | undefined;
  /** Extra headers sent with every request (e.g. a User-Agent or tracing header). Default: none. */
  headers?: Record<string, string> | undefined;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call; the promise then rejects with AbortError. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number | undefined;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface ApiClientConfig extends TransportOptions {
  /** Short vendor name carried by errors, e.g. "unicourt". */
  vendor: string;
  /** Validated base URL (see resolveBaseUrl). */
  baseUrl: string;
  redactor: Redactor;
  /** Response header that carries the vendor's request id, when it has one. */
  requestIdHeader?: string | undefined;
}

/** What openapi-fetch resolves to, reduced to the parts `call()` reads. */
type FetchResult = { data?: unknown; error?: unknown; response: Response };
/** The success body type of an openapi-fetch result. */
export type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

export interface ApiClient<Paths extends {}> {
  /** The openapi-fetch client, already wired to this client's transport. */
  readonly http: Client<Paths>;
  /** The transport as a plain fetch: timeouts are the caller's, bodies are buffered and checked. */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly redactor: Redactor;
  readonly vendor: string;
  /**
   * Runs one operation. `invoke` gets the signal to pass to openapi-fetch. Resolves with the
   * success body; rejects with ApiError (non-2xx), TimeoutError, AbortError, ConnectionError or
   * ResponseParseError.
   */
  call<R extends FetchResult>(operation: string, invoke: (init: { signal: AbortSignal }) => Promise<R>, options?: CallOptions): Promise<SuccessData<R>>;
}

const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const EXCERPT_LENGTH = 200;

export function createApiClient<Paths extends {}>(config: ApiClientConfig): ApiClient<Paths> {
  const { vendor, redactor } = config;
  const baseFetch = config.fetch ?? globalThis.fetch;
  if (typeof baseFetch !== "function") {
    throw new TypeError("No fetch implementation: pass `fetch` in the client options (Node 18+ has one built in).");
  }

  /**
   * Reads the whole body while the call's deadline still applies, checks that a success body is
   * the JSON it claims to be, and hands openapi-fetch an already-buffered Response.
   */
  async function transport(request: Request): Promise<Response> {
    // `.call(globalThis, …)`: some runtimes' fetch throws "Illegal invocation" when detached.
    const response = await baseFetch.call(globalThis, request);
    if (NO_BODY_STATUSES.has(response.status) || request.method === "HEAD") return response;
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      if (request.signal.aborted) throw cause;
      throw new ConnectionError(`Connection lost while reading the response body (HTTP ${response.status})`, { vendor, status: response.status, cause });
    }
    const contentType = response.headers.get("content-type") ?? undefined;
    if (response.ok && text.length > 0) {
      const excerpt = () => redactor.string(text.slice(0, EXCERPT_LENGTH));
      if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType)) {
        throw new ResponseParseError(`Expected a JSON response, got content type "${contentType}" (HTTP ${response.status})`, { vendor, status: response.status, contentType, excerpt: excerpt() });
      }
      try {
        JSON.parse(text);
      } catch {
        throw new ResponseParseError(`Malformed JSON in the response body (HTTP ${response.status}, ${text.length} characters)`, { vendor, status: response.status, contentType, excerpt: excerpt() });
      }
    }
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  const http = createClient<Paths>({ baseUrl: config.baseUrl, fetch: transport, headers: config.headers });

  function toApiError(operation: string, result: FetchResult) {
    const { response } = result;
    const headers = redactor.headers(response.headers);
    const requestIdHeader = config.requestIdHeader?.toLowerCase();
    return createApiError({
      vendor,
      operation,
      status: response.status,
      statusText: response.statusText,
      body: redactor.value(result.error),
      headers,
      requestId: requestIdHeader ? headers[requestIdHeader] : undefined,
      method: undefined,
      url: redactor.string(response.url),
    });
  }

  async function call<R extends FetchResult>(operation: string, invoke: (init: { signal: AbortSignal }) => Promise<R>, options: CallOptions = {}): Promise<SuccessData<R>> {
    const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = createDeadline(timeoutMs, options.signal);
    try {
      if (deadline.abortedByCaller) throw new AbortError({ vendor, operation });
      const result = await invoke({ signal: deadline.signal });
      if (!result.response.ok) throw toApiError(operation, result);
      return result.data as SuccessData<R>;
    } catch (error) {
      if (error instanceof VendorAuthError) {
        error.operation ??= operation;
        throw error;
      }
      if (deadline.timedOut) throw new TimeoutError(timeoutMs, { vendor, operation });
      if (deadline.abortedByCaller) throw new AbortError({ vendor, operation, cause: options.signal?.reason });
      const reason = error instanceof Error ? describeNetworkError(error) : "unknown failure";
      throw new ConnectionError(redactor.string(`${operation}: connection failed (${reason})`), { vendor, operation, cause: error });
    } finally {
      deadline.dispose();
    }
  }

  return { http, fetch: transport, redactor, vendor, call };
}

/** undici hides the useful part ("ECONNREFUSED", "other side closed") in `cause`. */
function describeNetworkError(error: Error): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause && typeof cause === "object" ? (typeof cause.code === "string" ? cause.code : typeof cause.message === "string" ? cause.message : "") : "";
  return [error.message, detail].filter(Boolean).join(": ");
}
