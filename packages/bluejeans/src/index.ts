// @vendor-auth/bluejeans: the helper client, OAuth sessions, the authorize URL, the error classes
// and the model types. The generated SDK is at "@vendor-auth/bluejeans/sdk", the raw `paths` types
// at "@vendor-auth/bluejeans/schema".
export { createBlueJeansClient } from "./client.js";
export type { ApplicationInput, AuthorizedCallOptions, BlueJeansClient, BlueJeansClientOptions, ClientAuthorizationUrlParams } from "./client.js";
export type { BlueJeansSession, SessionOptions } from "./session.js";
export { AUTHORIZE_BASE_URL, buildAuthorizationUrl, parseAuthorizationCallback } from "./authorize.js";
export type { AuthorizationCallback, AuthorizationUrlParams } from "./authorize.js";
export type { Grant, GrantMethods, GrantOf, GrantParams, GrantResponseOf, GrantResponses, GrantType, GuaranteedGrantFields, OptionalClientCredentials, TokenResponse } from "./grants.js";
export { defaultEnvironment, environments, servers } from "./generated/meta.gen.js";
export type { Environment } from "./generated/meta.gen.js";
export { operations } from "./generated/operations.gen.js";
export type { OperationId, SeedOperations } from "./generated/operations.gen.js";
// One type per model of the spec, under the spec's own names (the same in `./sdk` and the docs).
export * from "./generated/models.gen.js";
// The error classes and the option, event and token-source types, the same in every vendor package.
export * from "@vendor-auth/core";
