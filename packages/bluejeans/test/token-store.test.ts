// `tokenStore`: sessions on the same grant, in clients on one store, share one token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlueJeansClient, createMemoryTokenStore } from "../src/index.js";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startBlueJeansFake, type BlueJeansFake } from "../src/testing/index.js";

let fake: BlueJeansFake;
beforeAll(async () => void (fake = await startBlueJeansFake()));
afterAll(() => fake.close());

const grants = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/oauth2/token").length;

describe("tokenStore", () => {
  it("4 client-credentials sessions on one store: one grant, one token; another grant is its own", async () => {
    // A lease no stall of a loaded machine outlasts, so the exact request count holds.
    const tokenStore = createMemoryTokenStore({ leaseMs: 3_600_000 });
    const sessions = Array.from({ length: 4 }, () => createBlueJeansClient({ clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, baseUrl: fake.url, tokenStore }).createSession({ grant_type: "client_credentials" }));
    const tokens = await Promise.all(sessions.flatMap((s) => [s.getAccessToken(), s.getAccessToken()]));
    expect(new Set(tokens).size).toBe(1);
    expect(grants()).toBe(1);
    expect((await sessions[3]!.getTokenResponse()).access_token).toBe(tokens[0]);
  });
});
