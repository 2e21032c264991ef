// Puts `Authorization: Bearer <token>` on requests made outside the helper methods: as an
// openapi-fetch middleware, and as a plain fetch wrapper.
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
