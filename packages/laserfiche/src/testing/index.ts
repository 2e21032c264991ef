// @vendor-auth/laserfiche/testing: a stateful fake of the Laserfiche Repository API v1-alpha
// AccessTokens operations for your own tests. A real HTTP server on 127.0.0.1 that checks every
// request against the spec (specs/laserfiche.yaml) and models sessions: Create from username and
// password (or a session key or SAML token), an idle lifetime that every use of the token renews,
// Refresh with an optional Keep-Alive header (capped at the vendor's 1 hour), Invalidate, and 401
// for an expired, invalidated or unknown token. Time comes from an injectable clock, so a test
// expires a session with `clock.advance(ms)` instead of waiting. Node only; needs the optional peer
// dependency @vendor-auth/testing.
//
//   const fake = await startLaserficheFake();
//   const client = createLaserficheClient({ repoId: fake.repoId, username: fake.username, password: fake.password, baseUrl: fake.url });
import { extendFake, fakeSecret, queryBoolean, startFakeServer, bearerTokenOf, type FakeProblem, type FakeReply, type FakeRequest, type FakeServer } from "@vendor-auth/testing";
import spec from "../generated/spec.gen.js";
import type { APIServerException, CreateConnectionRequest, ODataValueOfBoolean, ODataValueOfDateTime, SessionKeyInfo } from "../generated/models.gen.js";
import { MAX_KEEP_ALIVE_SECONDS } from "../keep-alive.js";

// Re-exported from @vendor-auth/testing: a clock for the `now` option, and a fetch that can
// send the Keep-Alive header (Node's own fetch refuses it).
export { createManualClock, nodeHttpFetch } from "@vendor-auth/testing";
export type { FakeRequest, FakeViolation, ManualClock } from "@vendor-auth/testing";

export interface LaserficheFakeOptions {
  /** The repository the fake serves. Default: "r-test0001". */
  repoId?: string;
  /** The user Create accepts. Default: "test-user". */
  username?: string;
  /** That user's password. Default: "test-password". */
  password?: string;
  /** Session keys Create accepts instead of username and password. Default: ["test-session-key"]. */
  sessionKeys?: readonly string[];
  /** SAML tokens Create accepts. Default: none. */
  samlTokens?: readonly string[];
  /**
   * The Cloud account ID that username/password Create must carry as `customerId`. Default: none
   * (any customerId, or none, is accepted).
   */
  customerId?: string;
  /** Idle lifetime of a new session, in seconds: it ends this long after its last use. Default: 900. */
  sessionIdleSeconds?: number;
  /** The clock, in epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
  /** Path prefix of the API, part of `url` (as in https://api.laserfiche.com/repository). Default: "/repository". */
  basePath?: string;
  /** Interface to listen on. Default: "127.0.0.1". */
  host?: string;
  /** Port. Default: 0 (any free port). */
  port?: number;
}

/** One session (access token) of the fake, as `fake.sessions` shows it. */
export interface LaserficheFakeSession {
  readonly authToken: string;
  readonly repoId: string;
  /** How the session was created. */
  readonly credential: "password" | "sessionKey" | "samlToken";
  readonly createdAt: Date;
  /** When the session ends unless it is used (or refreshed) first. */
  readonly expiresAt: Date;
  /** The idle lifetime in seconds (Keep-Alive changes it). */
  readonly idleSeconds: number;
  /** Refresh requests that succeeded. */
  readonly refreshCount: number;
  readonly invalidated: boolean;
  /** Not invalidated and not expired at the fake's current time. */
  readonly active: boolean;
}

export interface LaserficheFake extends FakeServer {
  readonly repoId: string;
  readonly username: string;
  readonly password: string;
  /** The first accepted session key. */
  readonly sessionKey: string | undefined;
  /** Every session created so far, in order (copies). */
  readonly sessions: readonly LaserficheFakeSession[];
  /** True when `authToken` is a session that is neither invalidated nor expired. */
  isActiveToken(authToken: string): boolean;
  /**
   * True when an `Authorization` header value is `Bearer <active token>`; that check guards every
   * path outside the spec too (the rest of the Repository API), and each use renews the session.
   */
  checkBearer(authorization: string | undefined): boolean;
  /** Forgets every session (the request log is kept). */
  reset(): void;
}

export const DEFAULT_REPO_ID = "r-test0001";
export const DEFAULT_USERNAME = "test-user";
export const DEFAULT_PASSWORD = "test-password";
export const DEFAULT_SESSION_KEY = "test-session-key";
export const DEFAULT_SESSION_IDLE_SECONDS = 900;

interface SessionRecord {
  authToken: string;
  repoId: string;
  credential: LaserficheFakeSession["credential"];
  createdAt: number;
  expiresAt: number;
  idleSeconds: number;
  refreshCount: number;
  invalidated: boolean;
}

/** Starts the fake on a free loopback port. */
export async function startLaserficheFake(options: LaserficheFakeOptions = {}): Promise<LaserficheFake> {
  const repoId = options.repoId ?? DEFAULT_REPO_ID;
  const username = options.username ?? DEFAULT_USERNAME;
  const password = options.password ?? DEFAULT_PASSWORD;
  const sessionKeys = options.sessionKeys ?? [DEFAULT_SESSION_KEY];
  const samlTokens = options.samlTokens ?? [];
  const idleSeconds = options.sessionIdleSeconds ?? DEFAULT_SESSION_IDLE_SECONDS;
  if (!(idleSeconds > 0)) throw new RangeError("sessionIdleSeconds must be > 0");
  const now = options.now ?? Date.now;
  let sessions: SessionRecord[] = [];

  const find = (token: string | undefined) => sessions.find((s) => s.authToken === token);
  const isActive = (s: SessionRecord | undefined): s is SessionRecord => s !== undefined && !s.invalidated && now() < s.expiresAt;
  /** A use of the session restarts its idle timer (the vendor's sessions end when idle). */
  const touch = (s: SessionRecord) => {
    s.expiresAt = now() + s.idleSeconds * 1000;
  };
  // The vendor's errorCode values are undocumented: the fake sends none (null) rather than invent them.
  const exception = (request: FakeRequest | undefined, status: number, errorClass: string, message: string): FakeReply => ({
    status,
    body: { operationId: request?.operationId ?? null, message, errorCode: null, errorClass, statusCode: status, errorSource: "LaserficheFake" } satisfies APIServerException,
  });
  const unauthorized = (request: FakeRequest) => exception(request, 401, "UnauthorizedAccessException", "Access token is invalid or expired.");
  /** The session behind the request's bearer token (already checked by `authenticate`). */
  const sessionOf = (request: FakeRequest) => find(request.credentials["Authorization"]);

  const server = await startFakeServer({
    vendor: "laserfiche",
    spec,
    basePath: options.basePath ?? "/repository",
    host: options.host,
    port: options.port,
    errorBody: (problem: FakeProblem): APIServerException => ({
      operationId: problem.operationId ?? null,
      // The vendor's own wording for a refused token; the fake's findings otherwise.
      message: problem.kind === "unauthorized" ? "Access token is invalid or expired." : [problem.message, ...problem.details].join("; "),
      errorCode: null,
      errorClass: problem.kind === "validation" ? "ValidationException" : problem.kind === "unauthorized" ? "UnauthorizedAccessException" : "ApiException",
      statusCode: problem.status,
      errorSource: "LaserficheFake",
    }),
    authenticate: (credential) => isActive(find(credential.value)),
    handlers: {
      createAccessToken(request) {
        if (request.params["repoId"] !== repoId) return exception(request, 403, "AccessDeniedException", "Access denied for the operation.");
        const body = (request.body ?? {}) as CreateConnectionRequest;
        let credential: SessionRecord["credential"];
        if (body.username != null || body.password != null) {
          const customerOk = options.customerId === undefined || request.query.get("customerId") === options.customerId;
          if (body.username !== username || body.password !== password || !customerOk) return exception(request, 401, "UnauthorizedAccessException", "Invalid username or password.");
          credential = "password";
        } else if (body.sessionKey != null) {
          if (!sessionKeys.includes(body.sessionKey)) return exception(request, 401, "UnauthorizedAccessException", "Invalid session key.");
          credential = "sessionKey";
        } else if (body.samlToken != null) {
          if (!samlTokens.includes(body.samlToken)) return exception(request, 401, "UnauthorizedAccessException", "Invalid SAML token.");
          credential = "samlToken";
        } else {
          return exception(request, 400, "ValidationException", "Credentials are required: username and password, sessionKey or samlToken.");
        }
        const session: SessionRecord = {
          authToken: fakeSecret("test-laserfiche-token-", 64),
          repoId,
          credential,
          createdAt: now(),
          expiresAt: now() + idleSeconds * 1000,
          idleSeconds,
          refreshCount: 0,
          invalidated: false,
        };
        sessions.push(session);
        const info: SessionKeyInfo = { authToken: session.authToken, expireTime: new Date(session.expiresAt).toISOString() };
        const headers: Record<string, string> = queryBoolean(request, "createCookie") === true ? { "set-cookie": `AuthToken=${session.authToken}; Path=/; Secure; HttpOnly` } : {};
        return { body: info, headers };
      },
      refreshAccessToken(request) {
        const session = sessionOf(request);
        if (!session) return unauthorized(request);
        if (request.params["repoId"] !== session.repoId) return exception(request, 403, "AccessDeniedException", "Access denied for the operation.");
        const header = request.headers["keep-alive"];
        if (header !== undefined) {
          const seconds = keepAliveSeconds(Array.isArray(header) ? header[0]! : header);
          if (seconds === undefined) return exception(request, 400, "ValidationException", "Invalid Keep-Alive header: expected a number of seconds or timeout=<seconds>.");
          session.idleSeconds = Math.min(seconds, MAX_KEEP_ALIVE_SECONDS);
        }
        touch(session);
        session.refreshCount += 1;
        return { body: { value: new Date(session.expiresAt).toISOString() } satisfies ODataValueOfDateTime };
      },
      invalidateAccessToken(request) {
        const session = sessionOf(request);
        if (!session) return unauthorized(request);
        if (request.params["repoId"] !== session.repoId) return exception(request, 403, "AccessDeniedException", "Access denied for the operation.");
        session.invalidated = true;
        return { body: { value: true } satisfies ODataValueOfBoolean };
      },
    },
    // The rest of the Repository API: a valid bearer token, whose session each use renews.
    fallback(request) {
      const session = find(bearerTokenOf(request));
      if (!isActive(session)) return unauthorized(request);
      touch(session);
      return { body: { value: "fake resource", path: request.path } };
    },
  });

  const view = (s: SessionRecord): LaserficheFakeSession => ({
    authToken: s.authToken,
    repoId: s.repoId,
    credential: s.credential,
    createdAt: new Date(s.createdAt),
    expiresAt: new Date(s.expiresAt),
    idleSeconds: s.idleSeconds,
    refreshCount: s.refreshCount,
    invalidated: s.invalidated,
    active: isActive(s),
  });
  return extendFake(server, {
    repoId,
    username,
    password,
    sessionKey: sessionKeys[0],
    get sessions() {
      return sessions.map(view);
    },
    isActiveToken: (token: string) => isActive(find(token)),
    checkBearer: (authorization: string | undefined) => isActive(find(bearerTokenOf({ headers: { authorization } }))),
    reset() {
      sessions = [];
    },
  });
}

/**
 * The seconds of a Keep-Alive value: a bare number ("600", the vendor's client tests) or the
 * RFC 2068 form ("timeout=600, max=5"). The vendor leaves the syntax open; the fake takes both.
 */
export function keepAliveSeconds(value: string): number | undefined {
  const match = /^\s*(?:timeout\s*=\s*)?(\d{1,9})\s*(?:,.*)?$/i.exec(value);
  const seconds = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}
