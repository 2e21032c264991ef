// A bearer token given either as a fixed string or as a function that returns one (for example
// from the caller's own refresh logic). Normalised to one async provider.
import { ValidationError } from "./errors.js";

export type TokenSource = string | (() => string | Promise<string>);

export function toTokenProvider(field: string, source: TokenSource | undefined): () => Promise<string> {
  if (typeof source === "string") {
    if (!source.trim()) throw new ValidationError(field, "must not be empty");
    return async () => source;
  }
  if (typeof source === "function") {
    return async () => {
      const token = await source();
      if (typeof token !== "string" || !token.trim()) throw new ValidationError(field, "the token provider returned no token");
      return token;
    };
  }
  throw new ValidationError(field, "is required (a token string or a function returning one)");
}
