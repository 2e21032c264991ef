// Facts of specs/agilicus.yaml the helper layer needs at run time and the generated code does not
// carry: query parameters per operation (wire names and types), `limit` maxima, and the documented
// error responses. test/contract.test.ts checks every table here against the spec itself.
import { ApiError, type ApiErrorFields } from "@vendor-auth/core";
import type { OperationId } from "./generated/meta.gen.js";

export type QueryType = "string" | "cursor" | "boolean" | "integer" | "date-time";

const ID_QUERY = { user_id: "string", org_id: "string" } as const;
const LIST_QUERY = { limit: "integer", ...ID_QUERY } as const;

/** Query parameters per operation (operations without any are absent). "cursor" = string, "" allowed. */
export const QUERY_PARAMETERS = {
  listApiKeys: LIST_QUERY,
  getApiKey: ID_QUERY,
  deleteApiKey: ID_QUERY,
  listAuthenticationDocuments: LIST_QUERY,
  getAuthenticationDocument: ID_QUERY,
  deleteAuthenticationDocument: ID_QUERY,
  listSessions: { ...LIST_QUERY, revoked: "boolean", created_time: "date-time", previous_created_time: "date-time", previous_user_id: "cursor" },
  getSession: ID_QUERY,
  deleteSession: ID_QUERY,
  listTokens: {
    limit: "integer",
    sub: "string",
    exp_from: "string",
    exp_to: "string",
    iat_from: "string",
    iat_to: "string",
    jti: "string",
    org: "string",
    revoked: "boolean",
    session: "string",
  },
} as const satisfies Partial<Record<OperationId, Record<string, QueryType>>>;

/** The `limit` maximum (also the API's default) of each list operation. */
export const LIMIT_MAX = {
  listApiKeys: 500,
  listAuthenticationDocuments: 500,
  listSessions: 500,
  listTokens: 100,
} as const satisfies Partial<Record<OperationId, number>>;

/** Every error response the spec documents, with its description. */
export const DOCUMENTED_ERRORS: Readonly<Partial<Record<OperationId, Readonly<Record<number, string>>>>> = {
  createApiKeyIntrospection: { 410: "The API Key has been revoked." },
  createIntrospectToken: { 410: "Token has been revoked" },
  createIntrospectTokenAllSubOrgs: { 410: "Token has been revoked" },
  createReissuedToken: { 400: "The token reissue request is invalid" },
  createSession: { 400: "The token or session request is invalid" },
  createSessionAndToken: { 400: "The token or session request is invalid", 403: "The token or session request is invalid" },
  createTokenValidation: { 403: "Token request is invalid" },
  deleteApiKey: { 404: "API Key does not exist." },
  deleteAuthenticationDocument: { 404: "authentication document does not exist" },
  deleteSession: { 404: "Session does not exist." },
  getApiKey: { 404: "API Key does not exist" },
  getAuthenticationDocument: { 404: "authentication document does not exist" },
  getSession: { 404: "Session does not exist" },
  validateIdentityAssertion: {
    400: "The identity assertion is invalid. This can be for a number of reasons. Including an invalid identifier, invalid signature, or invalid contents.",
  },
};

/**
 * Adds the spec's description of a documented error status to the message (the Agilicus error
 * bodies of this API version are undeclared, so the description is often the only explanation):
 * "createIntrospectToken: HTTP 410 Gone (Token has been revoked)". Same class, same fields.
 */
export function withDocumentedMeaning(operation: OperationId, error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const description = DOCUMENTED_ERRORS[operation]?.[error.status];
  if (description === undefined) return error;
  const ErrorClass = error.constructor as new (message: string, fields: ApiErrorFields) => ApiError;
  const message = `${error.message} (${description})`;
  return new ErrorClass(message, {
    operation: error.operation,
    vendor: error.vendor,
    status: error.status,
    body: error.body,
    headers: error.headers,
    requestId: error.requestId,
    method: error.method,
    url: error.url,
  });
}
