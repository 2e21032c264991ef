// @vendor-auth/unicourt/testing: a stateful fake of the UniCourt Enterprise token API for your
// own tests. A real HTTP server on 127.0.0.1 that checks every request against the spec
// (specs/unicourt.yaml) and models the vendor's rules: at most 10 active tokens per account (the
// 11th generate is a 400 Exception), tokens that never expire until invalidated, the token list,
// and bearer auth for the rest of the Enterprise API. Node only; needs the optional peer
// dependency @vendor-auth/testing.
//
//   const fake = await startUniCourtFake();
//   const client = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url });
//   …
//   await fake.close();
import { extendFake, fakeSecret, randomAlphanumeric, startFakeServer, bearerTokenOf, type FakeProblem, type FakeReply, type FakeRequest, type FakeServer } from "@vendor-auth/testing";
import spec from "../generated/spec.gen.js";
import type { AccessTokenIdListResponse, AccessTokenRequest, AccessTokenResponse, Exception, InvalidateAccessTokenRequest, Success } from "../generated/models.gen.js";

/** A clock that moves only when told to, for the `now` option (re-exported from @vendor-auth/testing). */
export { createManualClock } from "@vendor-auth/testing";
export type { FakeRequest, FakeViolation, ManualClock } from "@vendor-auth/testing";

export interface UniCourtFakeOptions {
  /** The account's Client ID (32 characters). Default: "test-unicourt-client-id000000000". */
  clientId?: string;
  /** The account's Client Secret (64 characters). Default: "test-unicourt-client-secret-000…". */
  clientSecret?: string;
  /** Active tokens an account may hold. Default: 10, the vendor's limit. */
  maxActiveTokens?: number;
  /** The clock, in epoch milliseconds (token issue dates). Default: `Date.now`. */
  now?: () => number;
  /** Interface to listen on. Default: "127.0.0.1". */
  host?: string;
  /** Port. Default: 0 (any free port). */
  port?: number;
}

/** One token the fake issued, active or not (what `fake.tokens` shows). */
export interface UniCourtFakeToken {
  readonly tokenId: string;
  readonly accessToken: string;
  /** `2030-01-01T00:00:00+00:00` (the vendor's 25-character form). */
  readonly issuedDate: string;
  readonly issueAddress: string;
  readonly active: boolean;
}

export interface UniCourtFake extends FakeServer {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every token issued so far, in order, with its `active` flag (copies). */
  readonly tokens: readonly UniCourtFakeToken[];
  /** The active tokens only. */
  readonly activeTokens: readonly UniCourtFakeToken[];
  /** True when `accessToken` is an active token of this fake. */
  isActiveToken(accessToken: string): boolean;
  /**
   * True when an `Authorization` header value is `Bearer <active token>`: the check the rest of
   * the Enterprise API makes. Every path outside the spec answers 200 with such a header and 401
   * without one, so `client.authorizedFetch("/caseSearch")` works against the fake.
   */
  checkBearer(authorization: string | undefined): boolean;
  /** Invalidates every token and forgets them (the request log is kept). */
  reset(): void;
}

export const DEFAULT_CLIENT_ID = "test-unicourt-client-id".padEnd(32, "0");
export const DEFAULT_CLIENT_SECRET = "test-unicourt-client-secret-".padEnd(64, "0");
/** The vendor's limit on active tokens per account. */
export const MAX_ACTIVE_TOKENS = 10;

interface TokenRecord {
  tokenId: string;
  accessToken: string;
  issuedDate: string;
  issueAddress: string;
  active: boolean;
}

/** Starts the fake on a free loopback port. */
export async function startUniCourtFake(options: UniCourtFakeOptions = {}): Promise<UniCourtFake> {
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const maxActiveTokens = options.maxActiveTokens ?? MAX_ACTIVE_TOKENS;
  const now = options.now ?? Date.now;
  let tokens: TokenRecord[] = [];
  const active = () => tokens.filter((t) => t.active);
  const isActiveToken = (value: string) => tokens.some((t) => t.active && t.accessToken === value);

  const exception = (status: number, code: string, message: string, details = message): FakeReply => ({
    status,
    body: { object: "Exception", code, message, details } satisfies Exception,
  });
  const success = (message: string): FakeReply => ({ body: { object: "Success", message } satisfies Success });
  /** Whether the body carries the account's Client ID and Client Secret. */
  const credentialsMatch = (request: FakeRequest) => {
    const body = request.body as AccessTokenRequest | undefined;
    return body?.clientId === clientId && body.clientSecret === clientSecret;
  };
  // The four operations document no error but 400 (and generateNewToken 403): wrong credentials
  // are the vendor's refusal, 403 on generate and 400 elsewhere.
  const wrongCredentials = (status: 400 | 403) => exception(status, "InvalidCredentials", "Invalid Client ID or Client Secret.");

  const server = await startFakeServer({
    vendor: "unicourt",
    spec,
    host: options.host,
    port: options.port,
    errorBody: exceptionFor,
    handlers: {
      generateNewToken(request) {
        if (!credentialsMatch(request)) return wrongCredentials(403);
        if (active().length >= maxActiveTokens) {
          return exception(400, "MaxActiveTokensReached", `You can have a maximum of ${maxActiveTokens} active access tokens at a time.`, "Invalidate a token before generating a new one.");
        }
        const record: TokenRecord = {
          tokenId: `TKID${randomAlphanumeric(14)}`,
          // The spec wants 700 to 2000 characters; real tokens are JWTs, these are plainly fake.
          accessToken: fakeSecret("test-unicourt-access-token.", 760),
          issuedDate: vendorDate(now()),
          issueAddress: addressOf(request),
          active: true,
        };
        tokens.push(record);
        return { body: { object: "AccessTokenResponse", accessToken: record.accessToken, tokenId: record.tokenId, tokenType: "Bearer" } satisfies AccessTokenResponse };
      },
      invalidateAllTokens(request) {
        if (!credentialsMatch(request)) return wrongCredentials(400);
        for (const token of tokens) token.active = false;
        return success("All the access tokens are invalidated successfully.");
      },
      invalidateToken(request) {
        if (!credentialsMatch(request)) return wrongCredentials(400);
        const { tokenId } = request.body as InvalidateAccessTokenRequest;
        const token = tokens.find((t) => t.active && t.tokenId === tokenId);
        if (!token) return exception(400, "InvalidTokenId", "Invalid Token ID.", "No active access token has this Token ID.");
        token.active = false;
        return success("Access token invalidated successfully.");
      },
      listAllTokenIds(request) {
        if (!credentialsMatch(request)) return wrongCredentials(400);
        const list: AccessTokenIdListResponse = {
          object: "AccessTokenIdListResponse",
          AccessTokenIdArray: active().map((t) => ({ object: "AccessTokenIdResponse", tokenId: t.tokenId, issuedDate: t.issuedDate, issueAddress: t.issueAddress })),
        };
        return { body: list };
      },
    },
    // The rest of the Enterprise API: any other path needs `Authorization: Bearer <active token>`.
    fallback(request) {
      const token = bearerTokenOf(request);
      if (token === undefined || !isActiveToken(token)) return exception(401, "Unauthorized", "A valid access token is required.", "Send Authorization: Bearer <accessToken>.");
      return { body: { object: "FakeResource", method: request.method, path: request.path } };
    },
  });

  const copy = (t: TokenRecord): UniCourtFakeToken => ({ ...t });
  return extendFake(server, {
    clientId,
    clientSecret,
    get tokens() {
      return tokens.map(copy);
    },
    get activeTokens() {
      return active().map(copy);
    },
    isActiveToken,
    checkBearer(authorization: string | undefined) {
      const token = bearerTokenOf({ headers: { authorization } });
      return token !== undefined && isActiveToken(token);
    },
    reset() {
      tokens = [];
    },
  });
}

/** The Exception body for a request the fake itself refused (its length limits respected). */
function exceptionFor(problem: FakeProblem): Exception {
  const codes: Record<FakeProblem["kind"], string> = {
    validation: "InvalidRequest",
    unauthorized: "Unauthorized",
    "not-found": "NotFound",
    "method-not-allowed": "MethodNotAllowed",
    "not-implemented": "NotImplemented",
    internal: "InternalError",
    injected: "InjectedFailure",
  };
  const clip = (text: string) => (text.length > 255 ? `${text.slice(0, 252)}...` : text) || "-";
  return { object: "Exception", code: codes[problem.kind], message: clip(problem.message), details: clip(problem.details.join("; ") || problem.message) };
}

/** `2030-01-01T00:00:00+00:00`: the 25-character date-time of the vendor's examples. */
function vendorDate(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19)}+00:00`;
}

/** The caller's IPv4 address (the spec allows 7 to 15 characters). */
function addressOf(request: FakeRequest): string {
  const address = request.remoteAddress;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(address) ? address : "127.0.0.1";
}
