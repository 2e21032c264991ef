// The logger events of the transport: one per request, response, retry and failure, redacted.
import { describe, expect, it } from "vitest";
import { useLoopbackServer } from "@vendor-auth/testing/suite";
import { Redactor, createApiClient, type ClientEvent } from "../src/internal.js";

import { facts } from "./support/facts.js";

const server = useLoopbackServer();
const SECRET = "test-events-secret-0001";

describe("logger events", () => {
  it("request, response, retry and error events, with secrets redacted; a throwing logger changes nothing", async () => {
    let n = 0;
    server.setHandler(() => (++n < 3 ? { status: 503, headers: { "x-echo": SECRET } } : { status: 400, body: { message: `bad ${SECRET}` } }));
    const events: ClientEvent[] = [];
    const api = createApiClient<{ "/op": { get: { responses: { 200: { content: { "application/json": { ok: boolean } } } } } } }>({
      vendor: "test",
      baseUrl: server.url,
      redactor: new Redactor().add(SECRET),
      operations: { op: facts({ method: "GET", idempotent: true }) },
      retry: { initialDelayMs: 1, maxDelayMs: 2 },
      headers: { authorization: `Bearer ${SECRET}` },
      logger: (event) => {
        events.push(event);
        throw new Error("test: a broken logger");
      },
    });
    await expect(api.call("op", (init) => api.http.GET("/op", { ...init }))).rejects.toMatchObject({ name: "BadRequestError" });
    expect(events.map((e) => e.type)).toEqual(["request", "response", "retry", "request", "response", "retry", "request", "response", "error"]);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(events[0]).toMatchObject({ type: "request", operation: "op", attempt: 1, method: "GET", headers: { authorization: "[REDACTED]" } });
  });
});
