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
import { ValidationError, isVendorAuthError } from "@vendor-auth/core";

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
  if (options === undefined || options === null) return undefined;
  if (typeof options !== "object") throw new ValidationError("options", "must be an object like { keepAliveSeconds }");
  const { keepAliveSeconds, keepAlive } = options;
  if (keepAliveSeconds !== undefined && keepAlive !== undefined) {
    throw new ValidationError("keepAlive", "pass either keepAliveSeconds or keepAlive, not both");
  }
  let value: string | undefined;
  let field: KeepAliveHeader["field"] = "keepAliveSeconds";
  if (keepAliveSeconds !== undefined) {
    if (typeof keepAliveSeconds !== "number" || !Number.isInteger(keepAliveSeconds) || keepAliveSeconds < 1 || keepAliveSeconds > MAX_KEEP_ALIVE_SECONDS) {
      throw new ValidationError("keepAliveSeconds", `must be a whole number of seconds from 1 to ${MAX_KEEP_ALIVE_SECONDS} (the vendor's maximum is 1 hour)`);
    }
    value = String(keepAliveSeconds);
  } else if (keepAlive !== undefined) {
    field = "keepAlive";
    if (typeof keepAlive !== "string" || !keepAlive.trim()) throw new ValidationError("keepAlive", "must be a non-empty string");
    // Header values must not contain control characters (CR/LF would split the header).
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(keepAlive)) throw new ValidationError("keepAlive", "must not contain control characters");
    value = keepAlive.trim();
  }
  if (value === undefined) return undefined;
  if (!canSend) throw new ValidationError(field, CANNOT_SEND);
  return { field, value };
}

/** True when `error` (or one of its causes) is undici refusing to send a Keep-Alive header. */
export function isKeepAliveRejection(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof Error && /invalid keep-alive header/i.test(current.message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The ValidationError that replaces undici's rejection of the header. */
export function keepAliveRejected(header: KeepAliveHeader, operation: string, cause: unknown): ValidationError {
  return new ValidationError(header.field, CANNOT_SEND.replace("the runtime's built-in fetch", "this fetch (it is undici underneath)"), {
    vendor: isVendorAuthError(cause) ? cause.vendor : undefined,
    operation,
    cause,
  });
}
