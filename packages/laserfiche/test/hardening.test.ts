// Security and token-lifecycle hardening of the Laserfiche client (issue 10), against its fake and
// a loopback server: a 401 storm opens no session per call and leaves no session open, repoId can
// not change the path, a throwing keep-alive handler cannot crash the process, session tokens are
// remembered for a bounded time only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOUR_MS, LONG_TEST_MS, useLoopbackServer } from "@vendor-auth/testing/suite";
import { ValidationError, createLaserficheClient, type LaserficheClient } from "../src/index.js";
import { startLaserficheFake, type LaserficheFake } from "../src/testing/index.js";
import { PASSWORD, REPO_ID, USERNAME, authToken, path, sessionKeyInfo } from "./fixtures.js";

describe("a 401 storm against the Laserfiche fake", () => {
  let fake: LaserficheFake;
  let client: LaserficheClient;
  // The bound is one re-authentication per interval: with an hour no storm outlasts it, so the
  // token count cannot depend on how slow the machine is.
  beforeEach(async () => {
    fake = await startLaserficheFake();
    client = createLaserficheClient({ repoId: fake.repoId, username: fake.username, password: fake.password, baseUrl: fake.url, reauthIntervalMs: HOUR_MS });
  });
  afterEach(() => fake.close());

  it("1,000 calls all answered 401: at most 2 sessions created, the replaced one invalidated (at most 1 left open)", async () => {
    const entry = `/v1-alpha/Repositories/${fake.repoId}/Entries/1`;
    fake.failNext({ status: 401 }, { path: entry, times: 5000 });
    for (let batch = 0; batch < 10; batch++) {
      const responses = await Promise.all(Array.from({ length: 100 }, () => client.authorizedFetch(entry)));
      for (const response of responses) expect(response.status).toBe(401);
    }
    const created = fake.requests.filter((r) => r.operationId === "createAccessToken");
    expect(created.length).toBeLessThanOrEqual(2);
    for (let waited = 0; fake.requests.filter((r) => r.operationId === "invalidateAccessToken" && r.status !== undefined).length < created.length - 1 && waited < 5000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(fake.sessions.filter((s) => s.active).length).toBeLessThanOrEqual(1);
    // 1,000 requests through the spec-validating fake: a fixed amount of work, so a generous limit.
  }, LONG_TEST_MS);
});

describe("inputs and background work", () => {
  const server = useLoopbackServer();

  it.each([".", "..", "%2e%2e", "%2E."])("repoId %j cannot change the request path: ValidationError, nothing sent", (repoId) => {
    expect(() => createLaserficheClient({ repoId, username: USERNAME, password: PASSWORD, baseUrl: server.url })).toThrow(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it("a keep-alive onError that throws cannot crash the process (no unhandled rejection)", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      let refreshes = 0;
      server.setHandler((request) => {
        if (request.path === path("Create")) return { body: sessionKeyInfo(1) };
        refreshes++;
        return { status: 500, body: { message: "test: refresh failed" } };
      });
      const client = createLaserficheClient({ repoId: REPO_ID, username: USERNAME, password: PASSWORD, baseUrl: server.url, maxRetries: 0 });
      await client.getAccessToken();
      client.startKeepAlive(5, {
        onError: () => {
          throw new Error("test: the caller's handler throws");
        },
      });
      while (refreshes < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      client.stopKeepAlive();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });

  it("a session's token is redacted while the session is open, and only among the most recent once closed", async () => {
    let n = 0;
    server.setHandler((request) => {
      if (request.path === path("Create")) return { body: sessionKeyInfo(++n) };
      if (request.path === path("Invalidate")) return { body: { value: true } };
      return { status: 400, body: { message: `echo ${authToken(1)}` } };
    });
    const client = createLaserficheClient({ repoId: REPO_ID, username: USERNAME, password: PASSWORD, baseUrl: server.url });
    const first = client.openSession();
    await first.getAccessToken();
    const echo = () => client.refreshAccessToken().catch((e: Error) => String(e));
    // In batches of 50 at once: the order of the sessions does not matter, only their number.
    const openAndClose = async (count: number) => {
      for (let done = 0; done < count; done += 50) {
        await Promise.all(
          Array.from({ length: 50 }, async () => {
            const session = client.openSession();
            await session.getAccessToken();
            await session.close();
          }),
        );
      }
    };
    expect(await echo()).not.toContain(authToken(1));
    // 300 sessions opened and closed meanwhile: the open one is still redacted.
    await openAndClose(300);
    expect(await echo()).not.toContain(authToken(1));
    // Closed, then 300 more: it is forgotten (the redactor stays bounded).
    await first.close();
    expect(await echo()).not.toContain(authToken(1));
    await openAndClose(300);
    expect(await echo()).toContain(authToken(1));
    // 1,200 requests (Invalidate is retried after a reset: a reused keep-alive socket can race): a fixed amount of work, so a generous limit.
  }, LONG_TEST_MS);
});
