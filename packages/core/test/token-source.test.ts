import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ValidationError, checkTokenSource, every, leaseAccessToken, ProvidedTokens, rejectRenamedOptions, toTokenProvider } from "../src/internal.js";

describe("toTokenProvider", () => {
  it("accepts a string or a (sync or async) function", async () => {
    expect(await toTokenProvider("token", "abc")()).toBe("abc");
    expect(await toTokenProvider("token", () => "def")()).toBe("def");
    expect(await toTokenProvider("token", async () => "ghi")()).toBe("ghi");
  });

  it("a token string is handed out without a promise (acquireNow); a provider function is asked on every acquire", async () => {
    const fixed = new ProvidedTokens(toTokenProvider("accessToken", "test-token-1"));
    expect(fixed.acquireNow()).toEqual({ token: { value: "test-token-1" }, fresh: false });
    expect(await fixed.acquire()).toEqual({ token: { value: "test-token-1" }, fresh: false });
    await expect(fixed.acquire(AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
    let calls = 0;
    const asked = new ProvidedTokens(toTokenProvider("accessToken", () => `test-token-${++calls}`));
    expect(asked.acquireNow()).toBeUndefined();
    expect((await asked.acquire()).token.value).toBe("test-token-1");
    expect((await asked.acquire()).token.value).toBe("test-token-2");
  });

  it("a provider made from a token string does not show the token when inspected or serialised", () => {
    const secret = "test-secret-token-7c41";
    const provider = toTokenProvider("accessToken", secret);
    const lease = new ProvidedTokens(provider);
    for (const value of [provider, lease]) {
      for (const form of [inspect(value, { showHidden: true, depth: 10 }), JSON.stringify(value) ?? "", String(value), Object.getOwnPropertyNames(value).join(" ")]) expect(form).not.toContain(secret);
    }
  });

  it("rejects missing, empty and empty-returning sources with ValidationError", async () => {
    expect(() => toTokenProvider("token", undefined)).toThrow(ValidationError);
    expect(() => toTokenProvider("token", " ")).toThrow(/token: must not be empty/);
    await expect(toTokenProvider("getToken", async () => "")()).rejects.toThrow(/getToken: the token provider returned no token/);
  });
});

describe("checkTokenSource (the accessToken option of every client)", () => {
  it("absent: undefined; a string: itself; a function: a checked provider", async () => {
    expect(checkTokenSource("accessToken", undefined)).toBeUndefined();
    expect(checkTokenSource("accessToken", "test-token-1")).toBe("test-token-1");
    const provider = checkTokenSource("accessToken", () => "test-token-2");
    expect(typeof provider).toBe("function");
    expect(await (provider as () => Promise<string>)()).toBe("test-token-2");
    await expect((checkTokenSource("accessToken", async () => 42) as () => Promise<string>)()).rejects.toThrow(/accessToken: the token provider returned no token/);
  });

  it("anything else is a ValidationError naming the field and what it got", () => {
    expect(() => checkTokenSource("accessToken", "  ")).toThrow(/Invalid accessToken: must not be empty/);
    expect(() => checkTokenSource("accessToken", { accessToken: "test-token", tokenId: "x" })).toThrow(/Invalid accessToken: must be a token string or a function returning one \(a TokenSource\), got object/);
    expect(() => checkTokenSource("accessToken", null)).toThrow(/got null/);
    expect(() => checkTokenSource("accessToken", 42)).toThrow(ValidationError);
  });

  it("rejectRenamedOptions names the option that replaces an old one", () => {
    expect(() => rejectRenamedOptions({ token: "test-token" }, { token: "accessToken" })).toThrow(/Invalid token: is no longer an option: use accessToken/);
    expect(() => rejectRenamedOptions({ accessToken: "test-token" }, { token: "accessToken" })).not.toThrow();
  });

  it("leaseAccessToken: the lease's token; an aborted signal asks for none", async () => {
    let calls = 0;
    const getAccessToken = leaseAccessToken(new ProvidedTokens(async () => `test-token-${++calls}`), { vendor: "test" });
    expect(await getAccessToken()).toBe("test-token-1");
    await expect(getAccessToken({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError", operation: "getAccessToken" });
    expect(calls).toBe(1);
  });
});

describe("every", () => {
  it("repeats until stopped and reports errors to onError", async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const timer = every(5, () => {
      runs++;
      if (runs === 1) throw new Error("first");
    }, (e) => errors.push(e));
    // Wait for two runs however slow the machine is (no wall-clock assertion), then stop.
    for (let waited = 0; runs < 2 && waited < 5000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    timer.stop();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(after);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(errors).toHaveLength(1);
  });
});
