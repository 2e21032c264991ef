// @vendor-auth/core: the shared runtime of the vendor helper layers.
export * from "./errors.js";
export { Redactor, REDACTED, isSecretHeader, isSecretKey } from "./redact.js";
export { createApiClient, DEFAULT_TIMEOUT_MS } from "./api-client.js";
export type { ApiClient, ApiClientConfig, CallOptions, SuccessData, TransportOptions } from "./api-client.js";
export { createDeadline } from "./deadline.js";
export type { Deadline } from "./deadline.js";
export { TokenCache } from "./token-cache.js";
export type { CachedToken, TokenCacheOptions } from "./token-cache.js";
export { resolveBaseUrl, isLoopbackHost } from "./base-url.js";
export type { BaseUrlOptions } from "./base-url.js";
export { bearerFetch, bearerMiddleware } from "./bearer.js";
export type { TokenProvider } from "./bearer.js";
export { requireString, optionalString, optionalTimeout } from "./validate.js";
export type { StringRule } from "./validate.js";
