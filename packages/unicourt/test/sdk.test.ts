// The generated SDK (./sdk) on core's transport: `createSdkConfiguration()` gives it the helper
// client's retries (only what the spec says is safe), typed errors, redaction and redirect policy.
import { describe, expect, it } from "vitest";
import { startLoopbackServer } from "@vendor-auth/testing";
import { useLoopbackServer, serialisedForms } from "@vendor-auth/testing/suite";
import { AuthenticationApi, Configuration, createSdkConfiguration } from "../src/generated/sdk.gen.js";
import { BadRequestError, InternalServerError, RedirectError } from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, exceptionBody, tokenResponse } from "./fixtures.js";

const server = useLoopbackServer();
const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const sdk = () => new AuthenticationApi(createSdkConfiguration({ baseUrl: server.url, retry: { initialDelayMs: 1, maxDelayMs: 2 }, secrets: [CLIENT_SECRET] }));

describe("createSdkConfiguration", () => {
  it("retries an operation the spec marks safe (PUT listAllTokenIds) after a 503, and not a token-creating POST", async () => {
    let n = 0;
    server.setHandler((request) => {
      if (request.path === "/generateNewToken") return { status: 503, body: exceptionBody("DOWN", "test down") };
      return ++n === 1 ? { status: 503, body: exceptionBody("DOWN", "test down") } : { body: { object: "AccessTokenIdListResponse", AccessTokenIdArray: [] } };
    });
    await expect(sdk().listAllTokenIds({ accessTokenRequest: credentials })).resolves.toEqual({ object: "AccessTokenIdListResponse", accessTokenIdArray: [] });
    await expect(sdk().generateNewToken({ accessTokenRequest: credentials })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests.map((r) => r.path)).toEqual(["/listAllTokenIds", "/listAllTokenIds", "/generateNewToken"]);
  });

  it("an error status is the package's typed error (not typescript-fetch's ResponseError), with the secrets redacted", async () => {
    server.setHandler((request) => ({ status: 400, body: exceptionBody("INVALID", `echo ${JSON.stringify(request.json)}`) }));
    const error = await sdk()
      .generateNewToken({ accessTokenRequest: credentials })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe("INVALID");
    for (const form of serialisedForms(error as Error)) expect(form).not.toContain(CLIENT_SECRET);
  });

  it("a redirect is a RedirectError; nothing is re-sent to its target", async () => {
    const elsewhere = await startLoopbackServer(() => ({ body: tokenResponse(1) }));
    try {
      server.setHandler(() => ({ status: 307, headers: { location: `${elsewhere.url}/generateNewToken` } }));
      await expect(sdk().generateNewToken({ accessTokenRequest: credentials })).rejects.toBeInstanceOf(RedirectError);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it("the plain SDK (typescript-fetch's own fetch) still works unchanged", async () => {
    server.setHandler(() => ({ body: tokenResponse(1) }));
    const plain = new AuthenticationApi(new Configuration({ basePath: server.url }));
    expect((await plain.generateNewToken({ accessTokenRequest: credentials })).accessToken).toBe(tokenResponse(1).accessToken);
  });
});
