// Puts a token on requests made outside the helper methods, as an openapi-fetch middleware and as
// a plain fetch wrapper: in the `Authorization: Bearer` header, or in a query parameter for APIs
// whose security scheme is `apiKey` `in: query` (BlueJeans: `access_token`).
//
// With `invalidate` (a token that comes from a cache), a 401 answer drops that token, gets a fresh
// one once and repeats the request once with it: the token may have been revoked or expired early.
import type { Middleware } from "openapi-fetch";

export type TokenProvider = () => Promise<string>;
export type TokenPlacement = (request: Request, token: string) => Request | Promise<Request>;

export interface TokenAuthOptions {
  /** Drops `token` from the cache it came from (if still cached); enables the single 401 retry. */
  invalidate?: ((token: string) => void) | undefined;
  /** Puts the token on the request. Default: `Authorization: Bearer <token>`. */
  place?: TokenPlacement | undefined;
}

export const placeBearer: TokenPlacement = (request, token) => {
  request.headers.set("Authorization", `Bearer ${token}`);
  return request;
};

/** A placement that sets `?<name>=<token>`. */
export const placeInQuery =
  (name: string): TokenPlacement =>
  (request, token) =>
    withQueryToken(request, name, token);

/** openapi-fetch middleware: `client.use(bearerMiddleware(getToken, { invalidate }))`. */
export function bearerMiddleware(getToken: TokenProvider, options: TokenAuthOptions = {}): Middleware {
  const place = options.place ?? placeBearer;
  const sent = new Map<string, { copy: Request | undefined; token: string }>();
  return {
    async onRequest({ request, id }) {
      const token = await getToken();
      // Keep an unsent copy only when a 401 may have to be repeated.
      sent.set(id, { copy: options.invalidate ? request.clone() : undefined, token });
      return place(request, token);
    },
    async onResponse({ response, id, options: client }) {
      const entry = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || !entry?.copy || !options.invalidate) return undefined;
      options.invalidate(entry.token);
      const fresh = await getToken();
      if (fresh === entry.token) return undefined;
      await response.body?.cancel().catch(() => {});
      return client.fetch(await place(entry.copy, fresh));
    },
    onError({ id }) {
      sent.delete(id);
    },
  };
}

/** A fetch that adds the token: `await authorizedFetch("https://…/v1/cases")`. */
export function bearerFetch(getToken: TokenProvider, baseFetch: typeof globalThis.fetch = globalThis.fetch, options: TokenAuthOptions = {}): typeof globalThis.fetch {
  const place = options.place ?? placeBearer;
  return async (input, init) => {
    const request = new Request(input, init);
    const copy = options.invalidate ? request.clone() : undefined;
    const token = await getToken();
    const response = await baseFetch.call(globalThis, await place(request, token));
    if (response.status !== 401 || !copy || !options.invalidate) return response;
    options.invalidate(token);
    const fresh = await getToken();
    if (fresh === token) return response;
    await response.body?.cancel().catch(() => {});
    return baseFetch.call(globalThis, await place(copy, fresh));
  };
}

/** A copy of `request` with `name=<token>` set in its query string (body buffered, so any runtime accepts it). */
export async function withQueryToken(request: Request, name: string, token: string): Promise<Request> {
  const url = new URL(request.url);
  url.searchParams.set(name, token);
  const hasBody = request.body !== null && request.method !== "GET" && request.method !== "HEAD";
  return new Request(url.href, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    signal: request.signal,
    redirect: request.redirect,
    credentials: request.credentials,
  });
}

/** openapi-fetch middleware that sets `?<name>=<token>` on every request. */
export function queryTokenMiddleware(name: string, getToken: TokenProvider, options: Omit<TokenAuthOptions, "place"> = {}): Middleware {
  return bearerMiddleware(getToken, { ...options, place: placeInQuery(name) });
}

/** A fetch that sets `?<name>=<token>` on every request. */
export function queryTokenFetch(name: string, getToken: TokenProvider, baseFetch: typeof globalThis.fetch = globalThis.fetch, options: Omit<TokenAuthOptions, "place"> = {}): typeof globalThis.fetch {
  return bearerFetch(getToken, baseFetch, { ...options, place: placeInQuery(name) });
}
