// @vendor-auth/core: what users of the vendor packages touch, and what every vendor package
// re-exports (`export * from "@vendor-auth/core"`): the error hierarchy, the option, event and
// token-source types. The toolkit the vendor packages are built with is "@vendor-auth/core/internal".
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ResponseParseError,
  SessionClosedError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
  VendorAuthError,
  isVendorAuthError,
} from "./errors.js";
export type { ApiErrorFields, VendorAuthErrorFields } from "./errors.js";
export type { CallOptions, TransportOptions } from "./options.js";
export type { ClientEvent, ClientLogger } from "./events.js";
export type { RetryOptions } from "./retry.js";
export type { TokenSource } from "./token-source.js";
export { createMemoryTokenStore, defineTokenStore } from "./token-store.js";
export type { MemoryTokenStoreOptions, StoredTokenRecord, TokenStore } from "./token-store.js";
export type { AuthorizedFetch, FetchInput, TokenHolder } from "./bearer.js";
// The global Symbol.asyncDispose / AsyncDisposable types for projects whose lib lacks them: in the
// declarations of every entry (every vendor package re-exports this one).
export type {} from "./dispose.js";
export type { SdkConfigurationOptions } from "./sdk.js";
