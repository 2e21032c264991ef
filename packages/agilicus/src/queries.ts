// Query parameter types of the operations that have any, taken from the generated `paths`
// (wire names in snake_case, exactly as sent). Date-time parameters are RFC 3339 strings; a Date is
// accepted too and sent as its ISO string.
import type { operations } from "./generated/schema.gen.js";

type QueryOf<K extends keyof operations> = NonNullable<operations[K]["parameters"]["query"]>;
// `K extends keyof Q`: a renamed parameter in the spec fails to compile here.
type DateTimeAccepted<Q, K extends keyof Q> = Omit<Q, K> & { [P in K]?: string | Date };

/** `user_id` / `org_id` of the get and delete operations (the owner to act as). */
export type ResourceQuery = QueryOf<"getApiKey">;
/** listApiKeys: `limit` (1..500, default 500), `user_id`, `org_id`. */
export type ListApiKeysQuery = QueryOf<"listApiKeys">;
/** listAuthenticationDocuments: `limit` (1..500, default 500), `user_id`, `org_id`. */
export type ListAuthenticationDocumentsQuery = QueryOf<"listAuthenticationDocuments">;
/**
 * listSessions: `limit` (1..500, default 500), `user_id`, `org_id`, `revoked`, `created_time`,
 * and the pagination keys `previous_created_time` / `previous_user_id`.
 */
export type ListSessionsQuery = DateTimeAccepted<QueryOf<"listSessions">, "created_time" | "previous_created_time">;
/**
 * listTokens: `limit` (1..100, default 100) and the search criteria `sub`, `jti`, `org`, `session`,
 * `revoked`, and `exp_from` / `exp_to` / `iat_from` / `iat_to` (free-form strings the server reads
 * with dateparser, not date-times).
 */
export type ListTokensQuery = QueryOf<"listTokens">;

