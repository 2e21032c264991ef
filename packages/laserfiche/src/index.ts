// @vendor-auth/laserfiche: the helper client, its sessions, the error classes, and the model types.
// The generated SDK is at "@vendor-auth/laserfiche/sdk", the raw `paths` types at "@vendor-auth/laserfiche/schema".
export { createLaserficheClient } from "./client.js";
export type { LaserficheClient, LaserficheClientOptions } from "./client.js";
export type { AccessTokenInfo, KeepAliveTimerOptions, LaserficheSession, LaserficheTokenHolder } from "./session.js";
export { MAX_KEEP_ALIVE_SECONDS } from "./keep-alive.js";
export type { KeepAliveOptions } from "./keep-alive.js";
export { defaultEnvironment, environments, servers } from "./generated/meta.gen.js";
export type { Environment } from "./generated/meta.gen.js";
export { operations } from "./generated/operations.gen.js";
export type { OperationId } from "./generated/operations.gen.js";
// One type per model of the spec, under the spec's own names (the same in `./sdk` and the docs).
export * from "./generated/models.gen.js";
// The error classes and the option, event and token-source types, the same in every vendor package.
export * from "@vendor-auth/core";
