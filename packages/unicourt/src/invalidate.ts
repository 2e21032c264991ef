// invalidateToken() without a Token ID: the cached token's, as the vendor SDK's helper
// (`unicourt.Authentication.invalidate_token()` falls back to `unicourt.TOKEN_ID`, the token of the
// last generate_new_token) does. Without a cached token there is nothing to invalidate: a clear
// ValidationError, before anything is sent.
import { ValidationError, type TokenCache } from "@vendor-auth/core/internal";

export function tokenIdToInvalidate(tokenId: string | undefined, tokens: Pick<TokenCache<{ value: string; tokenId: string | undefined }>, "peek">, provided: boolean): string {
  if (tokenId !== undefined) return tokenId;
  if (provided) throw new ValidationError("tokenId", "is required: the token comes from your accessToken function, whose Token ID the client does not know");
  const cached = tokens.peek();
  if (!cached) throw new ValidationError("tokenId", "is required: no token is cached (getAccessToken() has generated none)");
  if (cached.tokenId === undefined) throw new ValidationError("tokenId", "is required: the cached token has no Token ID (pass accessTokenId with accessToken, or an id from listAllTokenIds())");
  return cached.tokenId;
}
