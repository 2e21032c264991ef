// @vendor-auth/agilicus: the helper client, the error classes, and the model types.
// The generated SDK is at "@vendor-auth/agilicus/sdk", the raw `paths` types at "@vendor-auth/agilicus/schema".
export { createAgilicusClient } from "./client.js";
export type { AgilicusClient, AgilicusClientOptions, IntrospectTokenOptions } from "./client.js";
export type { AgilicusApiKey } from "./api-key.js";
export { IDENTITY_STATEMENT_GRANT, createAgilicusServiceAccount } from "./service-account.js";
export type { AgilicusServiceAccount, AgilicusServiceAccountOptions, ServiceAccountToken } from "./service-account.js";
export type { IterateOptions, SessionsCursor } from "./pagination.js";
export type { ListApiKeysQuery, ListAuthenticationDocumentsQuery, ListSessionsQuery, ListTokensQuery, ResourceQuery } from "./queries.js";
export { defaultEnvironment, environments, servers } from "./generated/meta.gen.js";
export type { Environment } from "./generated/meta.gen.js";
export { operations } from "./generated/operations.gen.js";
export type { OperationId } from "./generated/operations.gen.js";
// One type per model of the spec, under the spec's own names (the same in `./sdk` and the docs).
export * from "./generated/models.gen.js";
// The error classes and the option, event and token-source types, the same in every vendor package.
export * from "@vendor-auth/core";
