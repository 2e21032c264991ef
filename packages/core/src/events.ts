// The debugging hook: one event per request, response, retry and failure, built from redacted
// data only (secret headers, registered secrets, secret query parameters), so a logger can never
// print a credential. Off unless the client is given a `logger`.
import type { Middleware } from "openapi-fetch";
import type { Redactor } from "./redact.js";

export type ClientEvent =
  | { type: "request"; operation: string; attempt: number; method: string; url: string; headers: Record<string, string> }
  | { type: "response"; operation: string; attempt: number; status: number; durationMs: number; headers: Record<string, string> }
  | { type: "retry"; operation: string; attempt: number; delayMs: number; reason: string; status?: number | undefined }
  | { type: "error"; operation: string; attempt: number; error: Record<string, unknown> }
  /**
   * The life of a cached token. `replaced`: a 401 on a token that was not fresh, so it was dropped
   * and one new token obtained; `kept`: a 401 that is about the resource, not the token (the token
   * was fresh, or a re-authentication happened less than `reauthIntervalMs` ago), returned as it is;
   * `revoked` / `revoke-failed`: the replaced token was invalidated on the server (or that failed).
   */
  | { type: "token"; action: "replaced" | "kept" | "revoked" | "revoke-failed"; operation: string; reason: string }
  /**
   * The shared token store (`tokenStore` option). `degraded`: it failed (down, slow, wrong key), so
   * this process uses its own cache, once per outage; `recovered`: it answers again and tokens are
   * shared again; `superseded`: a token this process obtained lost the race to a newer stored one
   * and was discarded (revoked where the vendor can).
   */
  | { type: "token-store"; action: "degraded" | "recovered" | "superseded"; operation: string; reason: string };

export type ClientLogger = (event: ClientEvent) => void;

/** Per-attempt openapi-fetch middleware that reports the request and the response. */
export function loggingMiddleware(emit: ClientLogger, redactor: Redactor, operation: string, attempt: number): Middleware {
  let started = 0;
  return {
    onRequest({ request }) {
      started = Date.now();
      emit({ type: "request", operation, attempt, method: request.method, url: redactor.url(request.url), headers: redactor.headers(request.headers) });
    },
    onResponse({ response }) {
      emit({ type: "response", operation, attempt, status: response.status, durationMs: Date.now() - started, headers: redactor.headers(response.headers) });
    },
  };
}
