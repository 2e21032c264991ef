// The state of the BlueJeans fake: registered client applications, issued access and refresh
// tokens, and authorization codes, with the OAuth rules on them (lifetimes, single-use codes,
// refresh-token rotation, revocation). Kept apart from HTTP; times are epoch milliseconds.
import { fakeSecret, randomHex } from "@vendor-auth/testing";
import type { Application, GrantCodeScope, GrantMeetingScopeMeeting, Partition } from "../generated/models.gen.js";

export type FakeGrantType = "password" | "meeting_passcode" | "client_credentials" | "authorization_code" | "refresh_token";

export interface ClientRecord {
  readonly clientId: string;
  clientSecret: string;
  /** The owner (a developer application); undefined for the enterprise's console client. */
  readonly ownerUserId: number | undefined;
  application: Omit<Application, "clientId" | "clientSecret">;
}

export interface AccessTokenRecord {
  readonly value: string;
  readonly grantType: FakeGrantType;
  readonly clientId: string | undefined;
  readonly userId: number | undefined;
  readonly enterpriseId: number | undefined;
  readonly meeting: GrantMeetingScopeMeeting | undefined;
  readonly scope: string | undefined;
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** The refresh token issued with this access token, if any. */
  readonly refreshToken: string | undefined;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  readonly value: string;
  readonly clientId: string;
  readonly userId: number;
  readonly scope: string | undefined;
  /** Rotated (exchanged once) or revoked: no longer accepted. */
  spent: boolean;
}

export interface CodeRecord {
  readonly code: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly userId: number;
  readonly scope: string | undefined;
  readonly expiresAt: number;
  used: boolean;
}

/** A developer application's secret (shown once, at creation or regeneration). */
export const newClientSecret = () => fakeSecret("test-bluejeans-app-secret-", 48);

export class BlueJeansState {
  readonly clients = new Map<string, ClientRecord>();
  readonly tokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, CodeRecord>();

  constructor(
    readonly now: () => number,
    readonly accessTokenLifetimeSeconds: number,
    readonly codeLifetimeSeconds: number,
    readonly partition: Required<Partition>,
  ) {}

  /** The client when `clientId` and `clientSecret` match a registered one. */
  authenticateClient(clientId: string, clientSecret: string): ClientRecord | undefined {
    const client = this.clients.get(clientId);
    return client && client.clientSecret === clientSecret ? client : undefined;
  }

  registerApplication(ownerUserId: number, application: ClientRecord["application"]): ClientRecord {
    const record: ClientRecord = { clientId: randomHex(32), clientSecret: newClientSecret(), ownerUserId, application };
    this.clients.set(record.clientId, record);
    return record;
  }

  issueCode(fields: Omit<CodeRecord, "code" | "expiresAt" | "used">): CodeRecord {
    const record: CodeRecord = { ...fields, code: fakeSecret("test-bluejeans-code-", 40), expiresAt: this.now() + this.codeLifetimeSeconds * 1000, used: false };
    this.codes.set(record.code, record);
    return record;
  }

  /** Exchanges a code once: unknown, used, expired, or another client's or redirect URI's code → undefined. */
  redeemCode(code: string, clientId: string, redirectUri: string): CodeRecord | undefined {
    const record = this.codes.get(code);
    if (!record || record.used || this.now() >= record.expiresAt || record.clientId !== clientId || record.redirectUri !== redirectUri) return undefined;
    record.used = true;
    return record;
  }

  issueToken(fields: Omit<AccessTokenRecord, "value" | "issuedAt" | "expiresAt" | "revoked" | "refreshToken">, withRefresh: boolean): AccessTokenRecord {
    let refreshToken: string | undefined;
    if (withRefresh && fields.clientId !== undefined && fields.userId !== undefined) {
      refreshToken = fakeSecret("test-bluejeans-refresh-", 48);
      this.refreshTokens.set(refreshToken, { value: refreshToken, clientId: fields.clientId, userId: fields.userId, scope: fields.scope, spent: false });
    }
    const record: AccessTokenRecord = {
      ...fields,
      value: fakeSecret("test-bluejeans-token-", 48),
      issuedAt: this.now(),
      expiresAt: this.now() + this.accessTokenLifetimeSeconds * 1000,
      refreshToken,
      revoked: false,
    };
    this.tokens.set(record.value, record);
    return record;
  }

  active(token: AccessTokenRecord | undefined): token is AccessTokenRecord {
    return token !== undefined && !token.revoked && this.now() < token.expiresAt;
  }

  /** Seconds the token has left (the `expires_in` of a grant response). */
  expiresIn(token: AccessTokenRecord): number {
    return Math.max(0, Math.round((token.expiresAt - this.now()) / 1000));
  }

  /** Revokes an access token and the refresh token issued with it. */
  revoke(token: AccessTokenRecord): void {
    token.revoked = true;
    const refresh = token.refreshToken === undefined ? undefined : this.refreshTokens.get(token.refreshToken);
    if (refresh) refresh.spent = true;
  }

  /** The `scope` of a 3-legged (code or refresh) grant response. */
  codeScope(userId: number, scope: string | undefined): GrantCodeScope {
    return { user: userId, appPermissions: [], partitionName: this.partition.name, partition: this.partition, ...(scope ? { bearerPermissions: scope } : {}) };
  }
}
