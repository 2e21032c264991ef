// `tokenStore`: the client token is one server session shared by the clients on the store;
// sessions from openSession() never are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLaserficheClient, createMemoryTokenStore } from "../src/index.js";
import { DEFAULT_PASSWORD, DEFAULT_REPO_ID, DEFAULT_USERNAME, startLaserficheFake, type LaserficheFake } from "../src/testing/index.js";

let fake: LaserficheFake;
beforeAll(async () => void (fake = await startLaserficheFake()));
afterAll(() => fake.close());

const created = () => fake.requests.filter((r) => r.operationId === "createAccessToken").length;

describe("tokenStore", () => {
  it("3 clients share one client token (one Create); their sessions are their own", async () => {
    // A lease no stall of a loaded machine outlasts, so the exact request count holds.
    const tokenStore = createMemoryTokenStore({ leaseMs: 3_600_000 });
    const clients = Array.from({ length: 3 }, () => createLaserficheClient({ repoId: DEFAULT_REPO_ID, username: DEFAULT_USERNAME, password: DEFAULT_PASSWORD, baseUrl: fake.url, tokenStore }));
    const tokens = await Promise.all(clients.flatMap((c) => [c.getAccessToken(), c.getAccessToken()]));
    expect(new Set(tokens).size).toBe(1);
    expect(created()).toBe(1);
    expect(clients[2]!.expiresAt).toBeInstanceOf(Date); // the expiry of a token another client created
    await using session = clients[0]!.openSession();
    expect(await session.getAccessToken()).not.toBe(tokens[0]);
    expect(created()).toBe(2);
  });
});
