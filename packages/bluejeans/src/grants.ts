// The five grants of `POST /oauth2/token` (one operation in the spec, five seed operations): the
// caller's input types, the response model per `grant_type` (from the spec's `x-seed-operations`),
// and the one function that validates a grant and builds its exact wire body.
import { ValidationError, requireObject, requireString } from "@vendor-auth/core/internal";
import type {
  GrantClient,
  GrantCode,
  GrantMeeting,
  GrantPassword,
  GrantRefresh,
  GrantRequest,
  GrantRequestClient,
  GrantRequestCode,
  GrantRequestMeeting,
  GrantRequestPassword,
  GrantRequestRefresh,
  GrantResponse,
} from "./generated/schema.gen.js";

/** The response model of each `grant_type` (specs/bluejeans.yaml, `x-seed-operations[].responseSchema`). */
export interface GrantResponses {
  password: GrantPassword;
  meeting_passcode: GrantMeeting;
  client_credentials: GrantClient;
  authorization_code: GrantCode;
  refresh_token: GrantRefresh;
}

export type GrantType = keyof GrantResponses;

/** `client_id`/`client_secret` of a grant request; each defaults to the client's `clientId`/`clientSecret`. */
export interface OptionalClientCredentials {
  client_id?: string;
  client_secret?: string;
}

type WithOptionalCredentials<T> = Omit<T, "client_id" | "client_secret"> & OptionalClientCredentials;

/**
 * A grant request as the spec's models name it on the wire (`GrantRequestPassword`, …), except that
 * `client_id`/`client_secret` may be left out to use the client's options.
 */
export type Grant =
  | GrantRequestPassword
  | GrantRequestMeeting
  | WithOptionalCredentials<GrantRequestClient>
  | WithOptionalCredentials<GrantRequestCode>
  | WithOptionalCredentials<GrantRequestRefresh>;

/** The grant request of one `grant_type`. */
export type GrantOf<T extends GrantType> = Extract<Grant, { grant_type: T }>;
/** The input of the per-grant methods (`getTokenByPassword(params)`, …): the grant without `grant_type`. */
export type GrantParams<T extends GrantType> = Omit<GrantOf<T>, "grant_type">;
/** The response model of a grant request (`GrantClient` for `client_credentials`, …). */
export type GrantResponseOf<G extends { grant_type: GrantType }> = GrantResponses[G["grant_type"]];

export const GRANT_TYPES: readonly GrantType[] = ["password", "meeting_passcode", "client_credentials", "authorization_code", "refresh_token"];

export interface CredentialDefaults {
  clientId: string | undefined;
  clientSecret: string | undefined;
}

/**
 * The client id and secret a grant (or revoke) sends: the request's own `client_id`/`client_secret`,
 * else the client's options. Throws ValidationError naming the missing one (never its value).
 */
export function resolveCredentials(request: OptionalClientCredentials | undefined, defaults: CredentialDefaults, purpose: string): { client_id: string; client_secret: string } {
  const pick = (own: unknown, fallback: string | undefined, wire: string, option: string) => {
    if (own !== undefined) return requireString(wire, own);
    if (fallback === undefined) throw new ValidationError(option, `is required for ${purpose}: pass \`${option}\` in the client options or \`${wire}\` in the request`);
    return fallback;
  };
  return {
    client_id: pick(request?.client_id, defaults.clientId, "client_id", "clientId"),
    client_secret: pick(request?.client_secret, defaults.clientSecret, "client_secret", "clientSecret"),
  };
}

/** A validated grant: its exact wire body and the secrets it carries (for the redactor). */
export interface CheckedGrant {
  readonly body: GrantRequest;
  readonly secrets: string[];
}

/**
 * Validates a grant and returns the exact wire body of its `GrantRequest*` model (only the spec's
 * fields, `grant_type` first) and the secrets it carries (the caller picks their lifetime).
 */
export function toGrantRequest(grant: Grant, defaults: CredentialDefaults): CheckedGrant {
  requireObject("grant", grant);
  const type = (grant as { grant_type?: unknown }).grant_type;
  if (!GRANT_TYPES.includes(type as GrantType)) throw new ValidationError("grant_type", `must be one of: ${GRANT_TYPES.join(", ")}`);
  const purpose = `the ${String(type)} grant`;
  switch (grant.grant_type) {
    case "password": {
      const body: GrantRequestPassword = {
        grant_type: "password",
        username: requireString("username", grant.username),
        password: requireString("password", grant.password),
      };
      return { body, secrets: [body.password] };
    }
    case "meeting_passcode": {
      // The passcode is required by the model but may be empty: the vendor says to send it "if one exists".
      if (typeof grant.meetingPasscode !== "string") throw new ValidationError("meetingPasscode", "must be a string (empty when the meeting has no passcode)");
      const body: GrantRequestMeeting = {
        grant_type: "meeting_passcode",
        meetingNumericId: requireString("meetingNumericId", grant.meetingNumericId),
        meetingPasscode: grant.meetingPasscode,
      };
      return { body, secrets: [body.meetingPasscode] };
    }
    case "client_credentials": {
      const body: GrantRequestClient = { grant_type: "client_credentials", ...resolveCredentials(grant, defaults, purpose) };
      return { body, secrets: [body.client_secret] };
    }
    case "authorization_code": {
      const code = requireString("code", grant.code);
      const redirectUri = requireString("redirectUri", grant.redirectUri);
      if (!isAbsoluteUrl(redirectUri)) throw new ValidationError("redirectUri", "must be an absolute URL registered with the client application");
      const body: GrantRequestCode = { grant_type: "authorization_code", ...resolveCredentials(grant, defaults, purpose), redirectUri, code };
      return { body, secrets: [body.client_secret, code] };
    }
    case "refresh_token": {
      const refreshToken = requireString("refresh_token", grant.refresh_token);
      const body: GrantRequestRefresh = { grant_type: "refresh_token", ...resolveCredentials(grant, defaults, purpose), refresh_token: refreshToken };
      return { body, secrets: [body.client_secret, refreshToken] };
    }
  }
}

/** True for an absolute URL of any scheme (registered redirect URLs may use an app's own scheme). */
export function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** The refresh token of a grant response, when it has a non-empty one (GrantMeeting and GrantClient have none). */
export function refreshTokenOf(response: GrantResponse | undefined): string | undefined {
  const value = response && "refresh_token" in response ? response.refresh_token : undefined;
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
