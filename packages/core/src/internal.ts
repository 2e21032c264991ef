// @vendor-auth/core/internal: the toolkit the vendor packages are built with (transport, token
// cache, redaction, validation, authorised fetch, operation runner). Not a stable API: it changes
// with the vendor packages. What users touch is re-exported by "@vendor-auth/core" (index.ts).
export * from "./errors.js";
export { Redactor, REDACTED, TRUNCATED, isSecretHeader, isSecretKey } from "./redact.js";
export type { RedactorOptions } from "./redact.js";
export { createApiClient, isRedirect } from "./api-client.js";
export { checkOperationInput, checkParameters, checkSchema, operationUrl, pickProperties, valuesAt } from "./operation.js";
export { missingRequiredFields, requireResponseFields, type GuaranteedFields, type RequiredShape } from "./required-fields.js";
export type { HttpMethodName, OperationFacts, OperationInput, OperationTable, ParameterFacts, SchemaFacts, SchemaTable, SecuritySchemeFacts } from "./operation.js";
export type { ApiClient, ApiClientConfig, InvokeInit, OperationArgs, OperationCallOptions, OperationData, OperationInit, SuccessData } from "./api-client.js";
export { DEFAULT_REAUTH_INTERVAL_MS, DEFAULT_TIMEOUT_MS, checkCallOptions, checkTransportOptions } from "./options.js";
export type { CallOptions, TransportOptions } from "./options.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./read-body.js";
export type { ClientEvent, ClientLogger } from "./events.js";
export { createDeadline } from "./deadline.js";
export type { Deadline } from "./deadline.js";
export { TokenCache, checkTokenLifetimeOptions, renewalTime } from "./token-cache.js";
export { SharedTokens, tokenKey, DEFAULT_LEASE_MS, DEFAULT_STORE_RETRY_AFTER_MS } from "./shared-tokens.js";
export type { ObtainedToken, SharedTokensOptions } from "./shared-tokens.js";
export { SHARED_LEVEL, checkTokenStore, createMemoryTokenStore, defineTokenStore } from "./token-store.js";
export type { DefinedTokenStore } from "./token-store.js";
export type { MemoryTokenStoreOptions, StoredTokenRecord, TokenStore } from "./token-store.js";
export type { AcquiredToken, CachedToken, TokenCacheOptions, TokenLease, TokenLifetimeOptions } from "./token-cache.js";
export { checkServerUrl, resolveBaseUrl, isLoopbackHost } from "./base-url.js";
export type { BaseUrlOptions } from "./base-url.js";
export { createAuthMiddleware, createAuthorizedFetch, createTargetPolicy } from "./bearer.js";
export { sdkConfigurationParameters } from "./sdk.js";
export { parseAuthorizationCallback } from "./oauth.js";
export { basicCredential, fromBase64, importEcSigningKey, pkcs8Of, requireSubtle, signJwtEs256, toBase64, toBase64Url, unverifiedJwtClaims, utf8 } from "./jws.js";
export type { WebCryptoKey, WebCryptoSubtle } from "./jws.js";
export { createTokenExchange } from "./token-exchange.js";
export type { ExchangedToken, TokenExchange, TokenExchangeOptions, TokenExchangeRequest } from "./token-exchange.js";
export type { AuthorizationCallback } from "./oauth.js";
export type { SdkConfigurationOptions, SdkFacts } from "./sdk.js";
export type { AuthorizedFetch, AuthorizedFetchConfig, TargetPolicy, TokenHolder, TokenPlacement } from "./bearer.js";
export {
  MAX_RETRIES,
  MAX_TIMER_MS,
  defined,
  exactlyOneOf,
  optionalBoolean,
  optionalFunction,
  optionalHeaders,
  optionalNumber,
  optionalObject,
  optionalScopes,
  optionalSignal,
  optionalString,
  optionalTimeout,
  requireAbsoluteUrl,
  requireObject,
  requirePathSegment,
  requireString,
} from "./validate.js";
export type { StringRule } from "./validate.js";
export { paginate } from "./paginate.js";
export type { PaginateOptions } from "./paginate.js";
export { every } from "./timers.js";
export { asSession, createClosable, createRepeater, withClose } from "./lifecycle.js";
export type { Closable, Repeater } from "./lifecycle.js";
export type { Repeating } from "./timers.js";
export { ProvidedTokens, checkTokenSource, leaseAccessToken, missingTokenLease, providedTokenLease, rejectRenamedOptions, toTokenProvider, tokenHolderOf, tokenWithJwtExpiry } from "./token-source.js";
export type { ProvidedTokenLeaseOptions, ProvidedTokensOptions, TokenSource } from "./token-source.js";
export { withSafeDescription } from "./safe-inspect.js";
export { asyncDisposeSymbol, defineAsyncDispose } from "./dispose.js";
export { waitWithCallOptions } from "./wait.js";
export { DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_AFTER_MS, RETRYABLE_STATUSES, parseRetryAfter, retryDelay, sleep } from "./retry.js";
export type { RetryOptions } from "./retry.js";
