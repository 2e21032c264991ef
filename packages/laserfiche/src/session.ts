// The state around one Laserfiche access token: created once (single flight), sent as
// `Authorization: Bearer <token>`, refreshed on demand or on a caller-controlled timer, and
// invalidated on close. A token is never renewed behind the caller's back: it is one server
// session (which holds a repository session on the vendor side), and its known expiry goes stale
// as soon as the session is used, so silently creating a new one would only leak sessions.
//
// Two flavours share this code: the client's own token holder, which starts afresh after
// `invalidateAccessToken()`, and sessions from `client.openSession()`, which end for good.
import {
  TokenCache,
  asSession,
  createClosable,
  createRepeater,
  tokenHolderOf,
  waitWithCallOptions,
  withSafeDescription,
  type ApiClient,
  type SharedTokens,
  type CallOptions,
  type GuaranteedFields,
  type TokenHolder,
  type TokenLease,
} from "@vendor-auth/core/internal";
import type { ODataValueOfBoolean, ODataValueOfDateTime, SessionKeyInfo } from "./generated/models.gen.js";
import type { operations } from "./generated/operations.gen.js";
import { keepAliveHeader, type KeepAliveHeader, type KeepAliveOptions } from "./keep-alive.js";

/** Options of `startKeepAlive`. */
export interface KeepAliveTimerOptions extends KeepAliveOptions {
  /** Called with the error of a failed keep-alive Refresh (the timer keeps running). Default: ignored. */
  onError?: ((error: unknown) => void) | undefined;
}

/** What a client and a session have in common: one access token and what to do with it. */
export interface LaserficheTokenHolder extends TokenHolder {
  /**
   * POST …/AccessTokens/Create with the configured credentials, once: concurrent and later calls
   * share the one request and its SessionKeyInfo (with the latest known `expireTime`) until the
   * token is invalidated. A failed request is not cached; the next call tries again. Your
   * `signal`/`timeoutMs` bound your own wait, not the shared request.
   */
  createAccessToken(options?: CallOptions): Promise<AccessTokenInfo>;
  // getAccessToken(options?): the access token string (created like createAccessToken() when there
  // is none yet). authMiddleware() / authorizedFetch: it as `Authorization: Bearer` (see TokenHolder).
  /**
   * POST …/AccessTokens/Refresh with the token (created first if there is none): resets the idle
   * timer of the session and returns its new expiry (`value`), which `expiresAt` then reports.
   * `keepAliveSeconds` / `keepAlive` set the `Keep-Alive` header, which needs a `fetch` option
   * able to send it (see the README); otherwise ValidationError before any request.
   */
  refreshAccessToken(keepAlive?: KeepAliveOptions, options?: CallOptions): Promise<ODataValueOfDateTime>;
  /**
   * POST …/AccessTokens/Invalidate ("logout") and forget the token; stops the keep-alive timer.
   * The token is forgotten even when the request fails (the error is still thrown). When no token
   * was ever created, nothing is sent and the result is `{ value: false }`.
   */
  invalidateAccessToken(options?: CallOptions): Promise<ODataValueOfBoolean>;
  /** The last known expiry of the token (from Create or Refresh); undefined without a token. */
  readonly expiresAt: Date | undefined;
  /**
   * Calls Refresh every `intervalMs` while a token exists (no token: the tick sends nothing), one
   * Refresh at a time. The timer is unref'd: it never keeps a Node process alive. A second call
   * replaces the running timer. Stopped by `stopKeepAlive()`, `invalidateAccessToken()` and close.
   */
  startKeepAlive(intervalMs: number, options?: KeepAliveTimerOptions): void;
  /** Stops the keep-alive timer. Safe to call when none is running. */
  stopKeepAlive(): void;
  /** True while a keep-alive timer runs. */
  readonly keepAliveRunning: boolean;
}

/**
 * One Laserfiche session: its own access token, closed by `invalidateAccessToken()`, `close()` or
 * `await using`. Every use after close throws SessionClosedError.
 */
export interface LaserficheSession extends LaserficheTokenHolder {
  /** True once the session was closed. */
  readonly closed: boolean;
  /** Stops the keep-alive timer and invalidates the token (if one was created). Idempotent. */
  close(options?: CallOptions): Promise<void>;
  /** `await using session = client.openSession()`: the same as `close()`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** The wire operations a token holder runs on (see client.ts). */
export interface AccessTokenWire {
  /** The client's transport: its vendor, base URL, options, redactor and logger. */
  readonly api: Pick<ApiClient<{}>, "vendor" | "options" | "redactor" | "emit">;
  readonly repoId: string;
  /** Whether the fetch in use can send a Keep-Alive header. */
  readonly canSendKeepAlive: boolean;
  create(options?: CallOptions): Promise<AccessTokenInfo>;
  refresh(token: string, header: KeepAliveHeader | undefined, options?: CallOptions): Promise<ODataValueOfDateTime>;
  invalidate(token: string, options?: CallOptions): Promise<ODataValueOfBoolean>;
  /** The client token's shared store (the `tokenStore` option), if any; sessions never share. */
  readonly shared?: SharedTokens<SessionToken> | undefined;
}

/**
 * What createAccessToken resolves with: the spec's SessionKeyInfo, with the fields the spec
 * guarantees in a success response (`authToken: string`, `x-required-in-response`; checked by op()).
 */
export type AccessTokenInfo = SessionKeyInfo & GuaranteedFields<(typeof operations)["createAccessToken"]>;

export type SessionToken = { readonly value: string; readonly info: AccessTokenInfo };

/** `held`: the client's `accessToken` option (checked): a token that seeds the holder, or a function that replaces Create. */
export function createTokenHolder(wire: AccessTokenWire, mode: "reusable", held?: string | (() => Promise<string>)): LaserficheTokenHolder;
export function createTokenHolder(wire: AccessTokenWire, mode: "session"): LaserficheSession;
export function createTokenHolder(wire: AccessTokenWire, mode: "reusable" | "session", held?: string | (() => Promise<string>)): LaserficheTokenHolder | LaserficheSession {
  const { vendor, options: transport, redactor } = wire.api;
  const closable = createClosable(vendor);
  const keepAlive = createRepeater();
  let expireTime: string | undefined;

  // No `expiresAt` on the cached token: the cache never renews it (see the header comment).
  const provided = typeof held === "function" ? held : undefined;
  const tokens = new TokenCache<SessionToken>(
    async () => {
      const info = provided ? { authToken: await provided() } : await wire.create();
      expireTime = info.expireTime;
      return { value: info.authToken, info };
    },
    {
      reauthIntervalMs: transport.reauthIntervalMs,
      emit: wire.api.emit,
      shared: mode === "reusable" && !provided ? wire.shared : undefined,
      // A token replaced after a 401 is a server session: log it out rather than leak it (a provided one is its provider's).
      revoke: provided ? undefined : (replaced) => wire.invalidate(replaced.value).finally(() => redactor.retire(replaced.value)),
    },
  );
  if (typeof held === "string") tokens.set({ value: held, info: { authToken: held } });
  // Only the client's reusable token is re-created after a 401; a session's token is its identity.
  const lease: TokenLease = mode === "reusable" ? tokens : { acquire: (signal) => tokens.acquire(signal), acquireNow: () => tokens.acquireNow(), after401: async () => undefined };

  async function token(operation: string, options?: CallOptions): Promise<SessionToken> {
    closable.ensureOpen(operation);
    const result = await waitWithCallOptions(() => tokens.get(), options, { vendor, operation });
    closable.ensureOpen(operation);
    return result;
  }

  async function refreshWith(current: SessionToken, header: KeepAliveHeader | undefined, options?: CallOptions) {
    const result = await wire.refresh(current.value, header, options);
    // Only a still-current token updates the expiry (a late answer after invalidate does not).
    if (tokens.peek() === current && typeof result.value === "string") expireTime = result.value;
    return result;
  }

  async function invalidate(options: CallOptions | undefined): Promise<ODataValueOfBoolean> {
    keepAlive.stop();
    // A Create in flight is waited for, so its token is invalidated rather than leaked.
    const current = tokens.peek() ?? (await tokens.pending?.catch(() => undefined));
    tokens.invalidate();
    expireTime = undefined;
    if (!current) return { value: false };
    try {
      return await wire.invalidate(current.value, options);
    } finally {
      // No longer in use: redacted among the most recent secrets (a late error may still carry it),
      // not for the client's life (a client that opens a session per job must not grow without bound).
      redactor.retire(current.value);
    }
  }

  // The rest of the API with this token; a closed session sends none (core's closable lease).
  const { authorizedFetch, authMiddleware } = tokenHolderOf({ ...transport, vendor, redactor, tokens: lease, closable });

  const holder: LaserficheTokenHolder = {
    async createAccessToken(options) {
      const current = await token("createAccessToken", options);
      return { ...current.info, ...(expireTime === undefined ? {} : { expireTime }) };
    },
    getAccessToken: async (options) => (await token("getAccessToken", options)).value,
    async refreshAccessToken(keepAliveOptions, options) {
      closable.ensureOpen("refreshAccessToken");
      const header = keepAliveHeader(keepAliveOptions, wire.canSendKeepAlive);
      return refreshWith(await token("refreshAccessToken", options), header, options);
    },
    async invalidateAccessToken(options) {
      closable.ensureOpen("invalidateAccessToken");
      if (mode === "reusable") return invalidate(options);
      // A session ends here; a later close() or dispose waits for this logout without throwing again.
      let result: ODataValueOfBoolean = { value: false };
      await closable.close(async () => (result = await invalidate(options)));
      return result;
    },
    get expiresAt() {
      const current = tokens.peek();
      if (!current) return undefined;
      const date = new Date(expireTime ?? current.info.expireTime ?? Number.NaN);
      return Number.isNaN(date.getTime()) ? undefined : date;
    },
    startKeepAlive(intervalMs, options = {}) {
      closable.ensureOpen("startKeepAlive");
      const header = keepAliveHeader(options, wire.canSendKeepAlive);
      keepAlive.start(
        intervalMs,
        async () => {
          const current = tokens.peek();
          if (!closable.closed && current) await refreshWith(current, header);
        },
        options.onError,
      );
    },
    stopKeepAlive: () => keepAlive.stop(),
    get keepAliveRunning() {
      return keepAlive.running;
    },
    authMiddleware,
    authorizedFetch,
  };
  if (mode === "reusable") return holder;

  const session: LaserficheSession = asSession(holder, closable, (options?: CallOptions) => invalidate(options));
  return withSafeDescription(session, "LaserficheSession", () => ({ vendor, baseUrl: transport.baseUrl, repoId: wire.repoId, closed: closable.closed, expiresAt: holder.expiresAt?.toISOString() }));
}
