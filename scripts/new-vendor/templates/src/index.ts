// @vendor-auth/__VENDOR__: the helper client, the error classes, and the model types.
// The generated SDK is at "@vendor-auth/__VENDOR__/sdk", the raw `paths` types at "@vendor-auth/__VENDOR__/schema".
export { create__TITLE__Client } from "./client.js";
export type { __TITLE__Client, __TITLE__ClientOptions } from "./client.js";
export { defaultEnvironment, environments, servers } from "./generated/meta.gen.js";
export type { Environment } from "./generated/meta.gen.js";
export { operations } from "./generated/operations.gen.js";
export type { OperationId } from "./generated/operations.gen.js";
// One type per model of the spec, under the spec's own names (the same in `./sdk` and the docs).
export * from "./generated/models.gen.js";
// The error classes and the option, event and token-source types, the same in every vendor package.
export * from "@vendor-auth/core";
