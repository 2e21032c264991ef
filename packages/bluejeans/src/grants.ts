// The five grants of `POST /oauth2/token` (one operation in the spec, five seed operations in its
// `x-seed-operations`): the caller's input types and response model per `grant_type`, both derived
// from the generated seed types, and the one function that builds a grant's wire body: the spec's
// fields only, checked against its schema, the client's credentials filled in where the grant's
// model has them.
import { ValidationError, checkSchema, pickProperties, requireAbsoluteUrl, requireObject, requireString, valuesAt, type CallOptions, type GuaranteedFields, type SchemaFacts } from "@vendor-auth/core/internal";
import type { GrantRequest, GrantResponse } from "./generated/models.gen.js";
import { schemas, type SeedOperations, type operations } from "./generated/operations.gen.js";

type GrantSeeds = { [K in keyof SeedOperations as SeedOperations[K]["operation"] extends "getToken" ? K : never]: SeedOperations[K] };
type GrantSeed = GrantSeeds[keyof GrantSeeds];

/**
 * The fields every grant response is guaranteed to carry (`access_token: string`): the spec's
 * `x-required-in-response`, through the generated `response.requiredSecrets` that op() checks.
 */
export type GuaranteedGrantFields = GuaranteedFields<(typeof operations)["getToken"]>;
/** A grant response as the client returns it: the spec's model, with its guaranteed fields. */
export type TokenResponse = GrantResponse & GuaranteedGrantFields;
/** The response model of each `grant_type` (GrantPassword for "password", …), with its guaranteed fields. */
export type GrantResponses = { [S in GrantSeed as S extends { grant_type: infer T extends string } ? T : never]: S["response"] & GuaranteedGrantFields };
export type GrantType = keyof GrantResponses;

/** `client_id`/`client_secret` of a grant request; each defaults to the client's `clientId`/`clientSecret`. */
export type OptionalClientCredentials = { client_id?: string; client_secret?: string };

type WithOptionalCredentials<T> = T extends { client_id: string } ? Omit<T, "client_id" | "client_secret"> & OptionalClientCredentials : T;

/**
 * A grant request as the spec's models name it on the wire (`GrantRequestPassword`, …), except that
 * `client_id`/`client_secret` may be left out to use the client's options.
 */
export type Grant = WithOptionalCredentials<GrantSeed["request"]>;
/** The grant request of one `grant_type`. */
export type GrantOf<T extends GrantType> = Extract<Grant, { grant_type: T }>;
/** The input of the per-grant methods (`getTokenByPassword(params)`, …): the grant without `grant_type`. */
export type GrantParams<T extends GrantType> = Omit<GrantOf<T>, "grant_type">;
/** The response model of a grant request (`GrantClient` for `client_credentials`, …). */
export type GrantResponseOf<G extends { grant_type: GrantType }> = GrantResponses[G["grant_type"]];
/** The per-grant methods, named and typed by the seed operations (`getTokenByClient(params?)` …). */
export type GrantMethods = { [K in keyof GrantSeeds]: (...args: GrantArgs<GrantParams<GrantSeeds[K]["grant_type"]>>) => Promise<GrantSeeds[K]["response"] & GuaranteedGrantFields> };
/** `(params?, options?)` when every field of the grant is optional (the client grant), `(params, options?)` otherwise. */
type GrantArgs<P> = {} extends P ? [params?: P, options?: CallOptions] : [params: P, options?: CallOptions];

/** The client's `clientId`/`clientSecret` options, the defaults of every grant and revoke. */
export type CredentialDefaults = { clientId: string | undefined; clientSecret: string | undefined };

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
  return { client_id: pick(request?.client_id, defaults.clientId, "client_id", "clientId"), client_secret: pick(request?.client_secret, defaults.clientSecret, "client_secret", "clientSecret") };
}

/** The exact wire body of a grant (see the file header). Throws ValidationError before anything is sent. */
export function toGrantRequest(grant: Grant, defaults: CredentialDefaults): GrantRequest {
  const given = requireObject("grant", grant);
  // The grant's model, through the spec's discriminator, says whether it carries the application's credentials.
  const mapping: Readonly<Record<string, keyof typeof schemas>> = schemas.GrantRequest.discriminator.mapping;
  const name = mapping[String(given["grant_type"])];
  if (name === undefined) throw new ValidationError("grant_type", `must be one of: ${Object.keys(mapping).join(", ")}`);
  const model: SchemaFacts = schemas[name];
  const credentials = model.properties && "client_id" in model.properties ? resolveCredentials(given as OptionalClientCredentials, defaults, `the ${String(given["grant_type"])} grant`) : {};
  const body = pickProperties({ ...given, ...credentials }, model, schemas);
  checkSchema("", body, model, schemas);
  // OAuth, not the spec: the redirect must be where the application is registered, an absolute URL.
  if (body["redirectUri"] !== undefined) requireAbsoluteUrl("redirectUri", body["redirectUri"], REDIRECT_PROBLEM);
  return body as unknown as GrantRequest;
}

export const REDIRECT_PROBLEM = "must be an absolute URL registered with the client application";

/** The refresh token of a grant response, when it has a non-empty one (GrantMeeting and GrantClient have none). */
export const refreshTokenOf = (response: GrantResponse | undefined): string | undefined => valuesAt(response, ["refresh_token"])[0];
