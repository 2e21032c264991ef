// Security and token-lifecycle hardening of the Agilicus client (issue 10): the provider is not run
// for a caller who already gave up, a 401 asks it again at most once per interval, token responses
// must hold a token, bodies are type-checked before they are touched.
import { describe, expect, it } from "vitest";
import { HOUR_MS, useLoopbackServer } from "@vendor-auth/testing/suite";
import { AbortError, ResponseParseError, ValidationError, createAgilicusClient } from "../src/index.js";
import { createTokenRequest } from "./fixtures.js";

const server = useLoopbackServer();

describe("the token provider", () => {
  it("an already aborted signal: AbortError, the provider is never run, nothing sent", async () => {
    let provided = 0;
    // An interval no run outlasts: the count cannot depend on how slow the machine is.
    const client = createAgilicusClient({ accessToken: () => `test-provided-${++provided}`, baseUrl: server.url, reauthIntervalMs: HOUR_MS });
    await expect(client.getSession("test-session-1", undefined, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(provided).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it("a 401 storm: the provider is asked for one replacement per reauthIntervalMs, not one per call", async () => {
    let provided = 0;
    server.setHandler(() => ({ status: 401, body: { error_message: "test: forbidden resource" } }));
    // An interval no run outlasts: the count cannot depend on how slow the machine is.
    const client = createAgilicusClient({ accessToken: () => `test-provided-${++provided}`, baseUrl: server.url, reauthIntervalMs: HOUR_MS });
    for (let i = 0; i < 50; i++) await expect(client.getSession("test-session-1")).rejects.toMatchObject({ name: "AuthenticationError", message: expect.stringContaining("test: forbidden resource") });
    expect(provided).toBe(51);
    expect(server.requests).toHaveLength(51);
  });
});

describe("answers and bodies", () => {
  it("a createToken answer without a token is a ResponseParseError", async () => {
    server.setHandler(() => ({ status: 201, body: { session: "s" } }));
    const client = createAgilicusClient({ accessToken: "test-static-token-0001", baseUrl: server.url });
    await expect(client.createToken(createTokenRequest)).rejects.toBeInstanceOf(ResponseParseError);
  });

  it("a 10 MB string where a body belongs is refused before it is touched", async () => {
    const client = createAgilicusClient({ accessToken: "test-static-token-0001", baseUrl: server.url });
    await expect(client.createSession("x".repeat(10_000_000) as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(client.replaceSession("test-session-1", "x".repeat(10_000_000) as never)).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it("a path id of . or .. (or %2e%2e) is a ValidationError", async () => {
    const client = createAgilicusClient({ accessToken: "test-static-token-0001", baseUrl: server.url });
    for (const id of [".", "..", "%2e%2e", ".%2E"]) await expect(client.getSession(id)).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});
