// @vendor-auth/bluejeans/testing: a stateful fake of the BlueJeans OAuth2 API for your own tests.
// A real HTTP server on 127.0.0.1 that checks every request against the spec
// (specs/bluejeans.yaml) and implements the five grants of POST /oauth2/token (password, meeting
// passcode, client credentials, authorization code, refresh token), `expires_in` on an injectable
// clock, single-use authorization codes valid for 30 seconds, refresh-token rotation, revoke,
// tokenInfo, and the developer client applications. An authorization code comes from
// `fake.issueAuthorizationCode()` (or from GET /oauth2/authorize on the fake, which consents at
// once and redirects). It accepts what the vendor's own SDKs send: the seed paths' valueless
// markers (`POST /oauth2/token?Client`, `DELETE /oauth2/token?Revoke`) and a configured
// `access_token` on the grants and on authorize. Node only; needs the optional peer dependency
// @vendor-auth/testing.
//
//   const fake = await startBlueJeansFake();
//   const client = createBlueJeansClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url });
import { bearerTokenOf, extendFake, startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from "@vendor-auth/testing";
import spec from "../generated/spec.gen.js";
import type { Application, ApplicationSecret, ErrorResponse as BlueJeansError, GrantClient, GrantCode, GrantMeeting, GrantPassword, GrantRefresh, GrantRequest, GrantRequestRevoke, TokenInfo } from "../generated/models.gen.js";
import { seedPathMarkers } from "./markers.js";
import { BlueJeansState, newClientSecret, type AccessTokenRecord, type FakeGrantType } from "./state.js";

/** A clock that moves only when told to, for the `now` option (re-exported from @vendor-auth/testing). */
export { createManualClock } from "@vendor-auth/testing";
export type { FakeRequest, FakeViolation, ManualClock } from "@vendor-auth/testing";

/** A meeting the meeting-passcode grant accepts. */
export interface BlueJeansFakeMeeting {
  meetingNumericId: string;
  /** Grants moderator privileges. */
  moderatorPasscode: string;
  /** Grants attendee privileges; "" for a meeting without passcode. */
  attendeePasscode: string;
}

export interface BlueJeansFakeOptions {
  /** The enterprise's client id (client credentials grant, revoke). Default: "test-bluejeans-client-id". */
  clientId?: string;
  /** Its secret. Default: "test-bluejeans-client-secret". */
  clientSecret?: string;
  /** The enterprise of client-credentials tokens. Default: 1000. */
  enterpriseId?: number;
  /** The user of the password grant. Default: "test-user". */
  username?: string;
  /** Default: "test-password". */
  password?: string;
  /** That user's numeric id. Default: 1001. */
  userId?: number;
  /** Meetings of the meeting grant. Default: one, "1234567890", moderator "1111", attendee "2222". */
  meetings?: readonly BlueJeansFakeMeeting[];
  /** Lifetime of an access token (`expires_in`), in seconds. Default: 3600. */
  accessTokenLifetimeSeconds?: number;
  /** Lifetime of an authorization code, in seconds. Default: 30 (the vendor's). */
  authorizationCodeLifetimeSeconds?: number;
  /** The clock, in epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
  /** Interface to listen on. Default: "127.0.0.1". */
  host?: string;
  /** Port. Default: 0 (any free port). */
  port?: number;
}

/** Parameters of `issueAuthorizationCode`. */
export interface IssueAuthorizationCodeParams {
  /** The application the code is for. Default: the fake's `clientId`. */
  clientId?: string;
  /** The redirect URI the code exchange must repeat. Default: "https://app.example.test/callback". */
  redirectUri?: string;
  /** The user who consented. Default: the fake's `userId`. */
  userId?: number;
  /** Comma-delimited scopes (e.g. "user_info,list_meetings"). Default: none. */
  scope?: string;
}

/** A token of the fake, as `fake.tokens` shows it. */
export interface BlueJeansFakeToken {
  readonly accessToken: string;
  readonly grantType: FakeGrantType;
  readonly clientId: string | undefined;
  readonly userId: number | undefined;
  readonly refreshToken: string | undefined;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  readonly revoked: boolean;
  /** Neither revoked nor expired at the fake's current time. */
  readonly active: boolean;
}

export interface BlueJeansFake extends FakeServer {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
  readonly userId: number;
  readonly meetings: readonly BlueJeansFakeMeeting[];
  /** Every access token issued so far, in order (copies). */
  readonly tokens: readonly BlueJeansFakeToken[];
  /** The developer applications created through the API (copies, secrets left out). */
  readonly applications: readonly Application[];
  /** An authorization code, as if the user had consented at /oauth2/authorize; single use, valid 30 s of the fake's clock. */
  issueAuthorizationCode(params?: IssueAuthorizationCodeParams): string;
  /** True when `accessToken` is a token of the fake that is neither revoked nor expired. */
  isActiveToken(accessToken: string): boolean;
}

export const DEFAULT_CLIENT_ID = "test-bluejeans-client-id";
export const DEFAULT_CLIENT_SECRET = "test-bluejeans-client-secret";
export const DEFAULT_REDIRECT_URI = "https://app.example.test/callback";
const DEFAULT_MEETING: BlueJeansFakeMeeting = { meetingNumericId: "1234567890", moderatorPasscode: "1111", attendeePasscode: "2222" };

/** Starts the fake on a free loopback port. */
export async function startBlueJeansFake(options: BlueJeansFakeOptions = {}): Promise<BlueJeansFake> {
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const enterpriseId = options.enterpriseId ?? 1000;
  const username = options.username ?? "test-user";
  const password = options.password ?? "test-password";
  const userId = options.userId ?? 1001;
  const meetings = options.meetings ?? [DEFAULT_MEETING];
  const now = options.now ?? Date.now;
  const partition = { id: 1, name: "test-partition" };
  const state = new BlueJeansState(now, options.accessTokenLifetimeSeconds ?? 3600, options.authorizationCodeLifetimeSeconds ?? 30, partition);
  state.clients.set(clientId, { clientId, clientSecret, ownerUserId: undefined, application: { appName: "test enterprise console client" } });

  const error = (status: number, message: string): FakeReply => ({ status, body: { message } satisfies BlueJeansError });
  const unauthorized = () => error(401, "The access token is invalid or does not have permission.");
  /** The token behind the request's `access_token` credential (checked by `authenticate`). */
  const caller = (request: FakeRequest) => state.tokens.get(request.credentials["access_token"] ?? "");
  /** Whether a token may manage `userId`'s applications: the user's own token, or an enterprise (client) token. */
  const mayManage = (token: AccessTokenRecord | undefined, owner: number) => token !== undefined && (token.userId === owner || token.grantType === "client_credentials");

  function grant(body: GrantRequest): FakeReply {
    const common = { partitionName: partition.name, partition };
    switch (body.grant_type) {
      case "password": {
        if (body.username !== username || body.password !== password) return error(401, "Invalid username or password.");
        const token = state.issueToken({ grantType: "password", clientId: undefined, userId, enterpriseId: undefined, meeting: undefined, scope: undefined }, false);
        return { body: { access_token: token.value, expires_in: state.expiresIn(token), scope: { user: userId, ...common } } satisfies GrantPassword };
      }
      case "meeting_passcode": {
        const meeting = meetings.find((m) => m.meetingNumericId === body.meetingNumericId);
        const isModerator = meeting?.moderatorPasscode === body.meetingPasscode;
        if (!meeting || (!isModerator && meeting.attendeePasscode !== body.meetingPasscode)) return error(401, "Invalid meeting ID or passcode.");
        const scopeMeeting = { id: Number(meeting.meetingNumericId.slice(-6)) || 1, leaderId: userId, meetingNumericId: meeting.meetingNumericId, meetingUri: `/meeting/${meeting.meetingNumericId}`, isModerator, endpointUriSet: [], meetingId: meeting.meetingNumericId };
        const token = state.issueToken({ grantType: "meeting_passcode", clientId: undefined, userId: undefined, enterpriseId: undefined, meeting: scopeMeeting, scope: undefined }, false);
        return { body: { access_token: token.value, expires_in: state.expiresIn(token), scope: { meeting: scopeMeeting, ...common } } satisfies GrantMeeting };
      }
      case "client_credentials": {
        if (!state.authenticateClient(body.client_id, body.client_secret)) return error(401, "Invalid client_id or client_secret.");
        const token = state.issueToken({ grantType: "client_credentials", clientId: body.client_id, userId: undefined, enterpriseId, meeting: undefined, scope: undefined }, false);
        return { body: { access_token: token.value, expires_in: state.expiresIn(token), scope: { enterprise: enterpriseId, ...common } } satisfies GrantClient };
      }
      case "authorization_code": {
        if (!state.authenticateClient(body.client_id, body.client_secret)) return error(401, "Invalid client_id or client_secret.");
        const code = state.redeemCode(body.code, body.client_id, body.redirectUri);
        if (!code) return error(401, "The code token is invalid or has expired.  The code is only good for 30 seconds!");
        const token = state.issueToken({ grantType: "authorization_code", clientId: body.client_id, userId: code.userId, enterpriseId: undefined, meeting: undefined, scope: code.scope }, true);
        return { body: { access_token: token.value, refresh_token: token.refreshToken, expires_in: state.expiresIn(token), scope: state.codeScope(code.userId, code.scope) } satisfies GrantCode };
      }
      case "refresh_token": {
        if (!state.authenticateClient(body.client_id, body.client_secret)) return error(401, "Invalid client_id or client_secret.");
        const refresh = state.refreshTokens.get(body.refresh_token);
        if (!refresh || refresh.spent || refresh.clientId !== body.client_id) return error(400, "Invalid refresh token.");
        // Rotation: the refresh token works once; the answer carries its successor.
        refresh.spent = true;
        const token = state.issueToken({ grantType: "refresh_token", clientId: refresh.clientId, userId: refresh.userId, enterpriseId: undefined, meeting: undefined, scope: refresh.scope }, true);
        return { body: { access_token: token.value, refresh_token: token.refreshToken, expires_in: state.expiresIn(token), scope: state.codeScope(refresh.userId, refresh.scope) } satisfies GrantRefresh };
      }
    }
  }

  const markers = seedPathMarkers(spec);
  const server = await startFakeServer({
    vendor: "bluejeans",
    spec,
    host: options.host,
    port: options.port,
    // `POST /oauth2/token?Client`, `DELETE /oauth2/token?Revoke`: as the vendor's SDKs send them.
    queryMarkers: (operationId) => markers.get(operationId) ?? [],
    errorBody: (problem) => ({ message: [problem.message, ...problem.details].join("; ") }) satisfies BlueJeansError,
    authenticate: (credential) => state.active(state.tokens.get(credential.value)),
    handlers: {
      getToken: (request) => grant(request.body as GrantRequest),
      revokeAccessToken(request) {
        const body = request.body as GrantRequestRevoke;
        if (!state.authenticateClient(body.client_id, body.client_secret)) return error(401, "Invalid client_id or client_secret.");
        const token = state.tokens.get(request.query.get("access_token") ?? "");
        if (!state.active(token) || (token.clientId !== undefined && token.clientId !== body.client_id)) {
          return error(400, "Bad request. The access_token is probably already revoked and cannot be found.");
        }
        state.revoke(token);
        return { status: 204 };
      },
      getTokenInfo(request) {
        const token = caller(request)!;
        return { body: (token.userId === undefined ? {} : { user: token.userId }) satisfies TokenInfo };
      },
      getAuthorizationCode(request) {
        // The browser step, consented at once as the fake's user: a redirect with code and state.
        const q = request.query;
        const app = state.clients.get(q.get("clientId") ?? "");
        const redirectUri = q.get("redirectUri") ?? "";
        const registered = app?.application.redirectUrls;
        if (!app || !redirectUri || (registered?.length && !registered.some((url) => redirectUri.startsWith(url)))) return error(400, "Unknown clientId or unregistered redirectUri.");
        const code = state.issueCode({ clientId: app.clientId, redirectUri, userId: app.ownerUserId ?? userId, scope: q.get("scope") ?? undefined });
        const target = new URL(redirectUri);
        target.searchParams.set("code", code.code);
        if (q.get("state") !== null) target.searchParams.set("state", q.get("state")!);
        return { status: 302, headers: { location: target.href } };
      },
      createClientApplication(request) {
        const owner = Number(request.params["user_id"]);
        if (!mayManage(caller(request), owner)) return unauthorized();
        const { clientId: _id, clientSecret: _secret, ...application } = request.body as Application;
        const record = state.registerApplication(owner, { ...application, userId: String(owner) });
        return { status: 201, body: { ...record.application, clientId: record.clientId, clientSecret: record.clientSecret } satisfies Application };
      },
      updateClientApplication(request) {
        const owner = Number(request.params["user_id"]);
        if (!mayManage(caller(request), owner)) return unauthorized();
        const record = state.clients.get(request.params["client_id"] ?? "");
        if (!record || record.ownerUserId !== owner) return error(404, "No such client application.");
        const { clientId: _id, clientSecret: _secret, ...changes } = request.body as Application;
        record.application = { ...record.application, ...changes, userId: String(owner) };
        return { body: { ...record.application, clientId: record.clientId } satisfies Application };
      },
      regenerateClientApplicationSecret(request) {
        const owner = Number(request.params["user_id"]);
        if (!mayManage(caller(request), owner)) return unauthorized();
        const record = state.clients.get(request.params["client_id"] ?? "");
        if (!record || record.ownerUserId !== owner) return error(404, "No such client application.");
        // The old secret stops working at once.
        record.clientSecret = newClientSecret();
        return { body: { clientId: record.clientId, clientSecret: record.clientSecret } satisfies ApplicationSecret };
      },
    },
    // The rest of the API: an active token as `?access_token=` (the spec's scheme) or a Bearer header.
    fallback(request) {
      const token = request.query.get("access_token") ?? bearerTokenOf(request);
      if (!state.active(state.tokens.get(token ?? ""))) return unauthorized();
      return { body: { fake: "resource", path: request.path } };
    },
  });

  return extendFake(server, {
    clientId,
    clientSecret,
    username,
    password,
    userId,
    meetings,
    get tokens(): BlueJeansFakeToken[] {
      return [...state.tokens.values()].map((t) => ({
        accessToken: t.value,
        grantType: t.grantType,
        clientId: t.clientId,
        userId: t.userId,
        refreshToken: t.refreshToken,
        issuedAt: new Date(t.issuedAt),
        expiresAt: new Date(t.expiresAt),
        revoked: t.revoked,
        active: state.active(t),
      }));
    },
    get applications(): Application[] {
      return [...state.clients.values()].filter((c) => c.ownerUserId !== undefined).map((c) => ({ ...c.application, clientId: c.clientId }));
    },
    issueAuthorizationCode(params: IssueAuthorizationCodeParams = {}) {
      const app = params.clientId ?? clientId;
      if (!state.clients.has(app)) throw new Error(`issueAuthorizationCode: no client application "${app}" is registered with the fake`);
      return state.issueCode({ clientId: app, redirectUri: params.redirectUri ?? DEFAULT_REDIRECT_URI, userId: params.userId ?? userId, scope: params.scope }).code;
    },
    isActiveToken: (token: string) => state.active(state.tokens.get(token)),
  });
}
