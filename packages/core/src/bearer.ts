// Puts a token on requests made outside the helper methods, as an openapi-fetch middleware and as
// a plain fetch wrapper: in the `Authorization: Bearer` header, or in a query parameter for APIs
// whose security scheme is `apiKey` `in: query` (BlueJeans: `access_token`).
import type { Middleware } from "openapi-fetch";

export type TokenProvider = () => Promise<string>;

/** openapi-fetch middleware: `client.use(bearerMiddleware(getToken))`. */
export function bearerMiddleware(getToken: TokenProvider): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await getToken()}`);
      return request;
    },
  };
}

/** A fetch that adds the bearer header: `await authorizedFetch("https://…/v1/cases")`. */
export function bearerFetch(getToken: TokenProvider, baseFetch: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    request.headers.set("Authorization", `Bearer ${await getToken()}`);
    return baseFetch.call(globalThis, request);
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
export function queryTokenMiddleware(name: string, getToken: TokenProvider): Middleware {
  return {
    async onRequest({ request }) {
      return withQueryToken(request, name, await getToken());
    },
  };
}

/** A fetch that sets `?<name>=<token>` on every request. */
export function queryTokenFetch(name: string, getToken: TokenProvider, baseFetch: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => baseFetch.call(globalThis, await withQueryToken(new Request(input, init), name, await getToken()));
}
