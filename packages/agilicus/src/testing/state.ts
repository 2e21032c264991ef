// The state of the Agilicus fake: tokens, API keys, sessions and authentication documents, and the
// rules on them (expiry, revocation, list filters and pagination), kept apart from HTTP so each
// rule reads on its own. Times are epoch milliseconds from the fake's clock.
import type { KeyObject } from "node:crypto";
import { fakeSecret, randomAlphanumeric } from "@vendor-auth/testing";
import { parseServiceDateTime } from "./dates.js";
import type { APIKey, AuthenticationDocument, CreateTokenRequest, ListSessionsResponse, Session, Token } from "../generated/models.gen.js";

export interface TokenRecord {
  readonly raw: string;
  readonly jti: string;
  readonly sub: string;
  readonly org: string;
  readonly roles: Record<string, string[]>;
  readonly aud: string[];
  readonly scopes: string[];
  readonly hosts: CreateTokenRequest["hosts"];
  readonly session: string | undefined;
  readonly iat: number;
  /** undefined: does not expire. */
  readonly exp: number | undefined;
  revoked: boolean;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly created: number;
  readonly spec: APIKey["spec"];
  readonly key: string;
  readonly tokenId: string;
  deleted: boolean;
}

export interface DocumentRecord {
  readonly id: string;
  readonly created: number;
  readonly spec: AuthenticationDocument["spec"];
  /** The private key (PKCS#8 PEM), returned once at creation. */
  readonly key: string;
  /** Verifies the document's identity assertions. */
  readonly publicKey: KeyObject;
  deleted: boolean;
}

export interface SessionRecord {
  readonly id: string;
  /** Unique per session (see `stamp`), the key of listSessions pagination. */
  readonly created: number;
  updated: number;
  spec: Session["spec"];
}

const iso = (time: number) => new Date(time).toISOString();

export class AgilicusState {
  tokens: TokenRecord[] = [];
  apiKeys: ApiKeyRecord[] = [];
  documents: DocumentRecord[] = [];
  sessions: SessionRecord[] = [];
  private lastStamp = 0;

  constructor(
    readonly now: () => number,
    readonly defaultLifetimeSeconds: number,
  ) {}

  /**
   * A creation time that no earlier record has: the clock's time, or 1 ms after the previous
   * stamp when the clock has not moved (a manual clock), so created times order records strictly.
   */
  stamp(): number {
    this.lastStamp = Math.max(this.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  /** Signs a token: expiry from token_validity (end, duration, does_not_expire), else time_validity.duration, else the default. */
  issueToken(request: CreateTokenRequest, overrides: { exp?: number | undefined; session?: string | undefined } = {}): TokenRecord {
    const iat = this.now();
    const validity = request.token_validity;
    let exp: number | undefined;
    if ("exp" in overrides) exp = overrides.exp;
    else if (validity?.does_not_expire) exp = undefined;
    else if (validity?.end) exp = parseServiceDateTime(validity.end);
    else {
      const seconds = validity?.duration ?? request.time_validity?.duration ?? this.defaultLifetimeSeconds;
      exp = (validity?.start ? (parseServiceDateTime(validity.start) ?? iat) : iat) + seconds * 1000;
    }
    const jti = `test-jti-${randomAlphanumeric(12)}`;
    const record: TokenRecord = {
      raw: fakeSecret(`test-agilicus-token.${jti}.`, 96),
      jti,
      sub: request.sub,
      org: request.org,
      roles: Object.fromEntries(Object.entries(request.roles ?? {}).map(([app, role]) => [app, [role]])),
      aud: [...request.audiences],
      scopes: [...(request.scopes ?? [])],
      hosts: request.hosts,
      session: overrides.session ?? request.session,
      iat,
      exp,
      revoked: false,
    };
    this.tokens.push(record);
    return record;
  }

  findToken(raw: string | undefined): TokenRecord | undefined {
    return raw === undefined ? undefined : this.tokens.find((t) => t.raw === raw);
  }

  expired(token: TokenRecord): boolean {
    return token.exp !== undefined && this.now() >= token.exp;
  }

  active(token: TokenRecord | undefined): token is TokenRecord {
    return token !== undefined && !token.revoked && !this.expired(token);
  }

  /** The Token model of a record (what introspection and listTokens answer). */
  tokenView(token: TokenRecord, excludeRoles = false): Token {
    return {
      sub: token.sub,
      org: token.org,
      root_org: token.org,
      jti: token.jti,
      iat: iso(token.iat),
      ...(token.exp === undefined ? {} : { exp: iso(token.exp) }),
      aud: token.aud,
      ...(token.session === undefined ? {} : { session: token.session }),
      ...(token.hosts === undefined ? {} : { hosts: token.hosts }),
      scopes: token.scopes,
      ...(excludeRoles ? {} : { roles: token.roles }),
    };
  }

  /** Revokes a token; with `allSessions`, its session and every token of that session too. */
  revokeToken(token: TokenRecord, allSessions: boolean): void {
    token.revoked = true;
    if (!allSessions || token.session === undefined) return;
    const session = this.sessions.find((s) => s.id === token.session);
    if (session) session.spec = { ...session.spec, revoked: true };
    for (const other of this.tokens) if (other.session === token.session) other.revoked = true;
  }

  apiKeyView(record: ApiKeyRecord, withSecret: boolean): APIKey {
    return {
      metadata: { id: record.id, created: iso(record.created), updated: iso(record.created) },
      spec: record.spec,
      status: withSecret ? { api_key: record.key, token_id: record.tokenId } : { token_id: record.tokenId },
    };
  }

  documentView(record: DocumentRecord, issuer: string, withKey: boolean): AuthenticationDocument {
    const status: NonNullable<AuthenticationDocument["status"]> = { issuer, audience: "test-agilicus" };
    if (withKey) status.key = record.key;
    return { metadata: { id: record.id, created: iso(record.created), updated: iso(record.created) }, spec: record.spec, status };
  }

  sessionView(record: SessionRecord): Session {
    return { metadata: { id: record.id, created: iso(record.created), updated: iso(record.updated) }, spec: record.spec };
  }

  createSession(spec: Session["spec"]): SessionRecord {
    const created = this.stamp();
    const record: SessionRecord = { id: `test-session-${randomAlphanumeric(10)}`, created, updated: created, spec: { revoked: false, number_of_logins: 0, number_of_failed_multi_factor_challenges: 0, ...spec } };
    this.sessions.push(record);
    return record;
  }

  /**
   * One page of listSessions. Order: created time, then user id (ascending). A page starts at the
   * key `previous_created_time` / `previous_user_id` (inclusive) and announces the key of the
   * first record after it as `next_created_time` / `next_user_id`.
   */
  sessionsPage(filter: { user_id?: string; org_id?: string; revoked?: boolean; created_time?: number }, limit: number, from: { created?: number; userId?: string }): ListSessionsResponse {
    const matching = this.sessions
      .filter((s) => (filter.user_id === undefined || s.spec.user_id === filter.user_id) && (filter.org_id === undefined || s.spec.org_id === filter.org_id))
      .filter((s) => filter.revoked === undefined || Boolean(s.spec.revoked) === filter.revoked)
      .filter((s) => filter.created_time === undefined || s.created > filter.created_time)
      .sort((a, b) => a.created - b.created || a.spec.user_id.localeCompare(b.spec.user_id));
    const start = matching.findIndex(
      (s) => from.created === undefined || s.created > from.created || (s.created === from.created && (from.userId === undefined || s.spec.user_id >= from.userId)),
    );
    const page = start < 0 ? [] : matching.slice(start, start + limit);
    const next = start < 0 ? undefined : matching[start + limit];
    return {
      sessions: page.map((s) => this.sessionView(s)),
      limit,
      ...(page[0] ? { previous_created_time: iso(page[0].created), previous_user_id: page[0].spec.user_id } : {}),
      ...(next ? { next_created_time: iso(next.created), next_user_id: next.spec.user_id } : {}),
    };
  }
}
