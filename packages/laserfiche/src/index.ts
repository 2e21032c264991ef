// @vendor-auth/laserfiche: the helper client, its sessions, the error classes, and the model types.
// The generated SDK is at "@vendor-auth/laserfiche/sdk", the raw `paths` types at "@vendor-auth/laserfiche/schema".
export { createLaserficheClient } from "./client.js";
export type { LaserficheClient, LaserficheClientOptions } from "./client.js";
export type { KeepAliveTimerOptions, LaserficheSession, LaserficheTokenHolder } from "./session.js";
export { MAX_KEEP_ALIVE_SECONDS } from "./keep-alive.js";
export type { KeepAliveOptions } from "./keep-alive.js";
export { defaultEnvironment, environments, servers } from "./generated/meta.gen.js";
export type { Environment } from "./generated/meta.gen.js";
export { operations } from "./generated/operations.gen.js";
export type { OperationId } from "./generated/operations.gen.js";
export type {
  ApiServerException,
  /** The vendor's name of the error body of every documented 4xx response. */
  ApiServerException as APIServerException,
  CreateConnectionRequest,
  ODataValueOfBoolean,
  ODataValueOfDateTime,
  SessionKeyInfo,
} from "./generated/schema.gen.js";
// The error classes and the option, event and token-source types, the same in every vendor package.
export * from "@vendor-auth/core";
