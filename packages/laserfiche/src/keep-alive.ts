// The optional `Keep-Alive` request header of Refresh: its value, and whether the fetch in use can
// transmit it at all.
//
// The spec (decision keep-alive-format) leaves the unit and syntax open; the vendor documents only
// "a timeout value, maximum 1 hour". `keepAliveSeconds` sends whole seconds as a bare number (the
// form of the vendor's own client test, "1234"); `keepAlive` sends any other value verbatim (e.g.
// the RFC 2068 form "timeout=300").
//
// Standard fetch cannot send this header: Node's built-in fetch (undici) rejects the request with
// "invalid keep-alive header" and browsers drop forbidden headers silently. The client therefore
// refuses a keep-alive value up front when it runs on the runtime's built-in fetch, and turns
// undici's rejection (a caller-supplied fetch that is undici underneath) into the same
// ValidationError, instead of a misleading ConnectionError or a header that silently vanishes.
import { ApiError, ValidationError, isVendorAuthError, optionalNumber, optionalObject, requireString } from "@vendor-auth/core/internal";

/** The optional Keep-Alive header of `refreshAccessToken`. Pass at most one of the two. */
export interface KeepAliveOptions {
  /**
   * How long the session should be kept alive when idle, in whole seconds: 1 to 3600 (the vendor's
   * maximum is 1 hour). Sent as `Keep-Alive: <seconds>`. Needs a `fetch` that can send the header.
   * Default: no header (the server's own idle timeout applies).
   */
  keepAliveSeconds?: number | undefined;
  /**
   * The raw `Keep-Alive` header value, sent verbatim (e.g. `"timeout=300"`), for servers that expect
   * another syntax than the bare number. Needs a `fetch` that can send the header. Default: none.
   */
  keepAlive?: string | undefined;
}

/** The vendor's documented maximum idle timeout: 1 hour. */
export const MAX_KEEP_ALIVE_SECONDS = 3600;

const CANNOT_SEND =
  "the Keep-Alive request header cannot be sent with the runtime's built-in fetch (Node's fetch rejects it as " +
  '"invalid keep-alive header", browsers drop it silently); pass a `fetch` option that can send it (see the README) or leave it out';

/** A validated Keep-Alive header value and the option it came from. */
export interface KeepAliveHeader {
  readonly field: "keepAliveSeconds" | "keepAlive";
  readonly value: string;
}

/**
 * Validates the options and returns the header to send (undefined: send none). Throws
 * ValidationError for a bad value, and when `canSend` is false and a value was given.
 */
export function keepAliveHeader(options: KeepAliveOptions | undefined, canSend: boolean): KeepAliveHeader | undefined {
  const { keepAliveSeconds, keepAlive } = (optionalObject("options", options ?? undefined) ?? {}) as KeepAliveOptions;
  if (keepAliveSeconds !== undefined && keepAlive !== undefined) throw new ValidationError("keepAlive", "pass either keepAliveSeconds or keepAlive, not both");
  optionalNumber("keepAliveSeconds", keepAliveSeconds, { min: 1, max: MAX_KEEP_ALIVE_SECONDS, integer: true, unit: "seconds (the vendor's maximum is 1 hour)" });
  // Header values must not contain control characters (CR/LF would split the header).
  if (keepAlive !== undefined && /[\u0000-\u0008\u000a-\u001f\u007f]/.test(requireString("keepAlive", keepAlive))) throw new ValidationError("keepAlive", "must not contain control characters");
  const header: KeepAliveHeader | undefined = keepAliveSeconds !== undefined ? { field: "keepAliveSeconds", value: String(keepAliveSeconds) } : keepAlive !== undefined ? { field: "keepAlive", value: keepAlive.trim() } : undefined;
  if (header && !canSend) throw new ValidationError(header.field, CANNOT_SEND);
  return header;
}

/**
 * `error` itself, unless it is undici refusing to send the Keep-Alive header (somewhere in its
 * causes): then the ValidationError that says so, instead of a misleading ConnectionError.
 */
export function keepAliveError(header: KeepAliveHeader, operation: string, error: unknown): unknown {
  // The server's own refusal of the value (a 400 saying so) stays what it is.
  if (error instanceof ApiError) return error;
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof Error && /invalid keep-alive header/i.test(current.message)) {
      const message = CANNOT_SEND.replace("the runtime's built-in fetch", "this fetch (it is undici underneath)");
      return new ValidationError(header.field, message, { vendor: isVendorAuthError(error) ? error.vendor : undefined, operation, cause: error });
    }
    current = (current as { cause?: unknown }).cause;
  }
  return error;
}
