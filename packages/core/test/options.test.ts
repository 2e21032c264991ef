// The one validator of transport and call options: every bad value is a ValidationError naming it.
import { describe, expect, it } from "vitest";
import { ValidationError, checkCallOptions, checkTransportOptions, every, ProvidedTokens, type TransportOptions } from "../src/internal.js";

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
  return undefined;
};

describe("checkTransportOptions", () => {
  it.each([
    ["timeoutMs", { timeoutMs: 0 }],
    ["timeoutMs", { timeoutMs: Number.NaN }],
    ["timeoutMs", { timeoutMs: -1 }],
    ["timeoutMs", { timeoutMs: "5" }],
    ["timeoutMs", { timeoutMs: Number.POSITIVE_INFINITY }],
    ["timeoutMs", { timeoutMs: 2 ** 31 }],
    ["maxRetries", { maxRetries: Number.NaN }],
    ["maxRetries", { maxRetries: 11 }],
    ["maxRetries", { maxRetries: -1 }],
    ["maxResponseBytes", { maxResponseBytes: Number.NaN }],
    ["maxResponseBytes", { maxResponseBytes: 0 }],
    ["retry", { retry: "fast" }],
    ["retry.initialDelayMs", { retry: { initialDelayMs: Number.NaN } }],
    ["headers", { headers: "x" }],
    ["headers.x-a", { headers: { "x-a": 1 } }],
    ["headers", { headers: { "bad name": "v" } }],
    ["fetch", { fetch: "fetch" }],
    ["logger", { logger: {} }],
    ["allowInsecureHttp", { allowInsecureHttp: "yes" }],
    ["allowedOrigins", { allowedOrigins: "https://x.example" }],
    ["reauthIntervalMs", { reauthIntervalMs: -5 }],
  ])("%s: %j", (field, options) => {
    expect(fieldOf(() => checkTransportOptions(options as TransportOptions))).toBe(field);
  });

  it("accepts the defaults and sane values", () => {
    expect(() => checkTransportOptions({})).not.toThrow();
    expect(() => checkTransportOptions({ timeoutMs: 2 ** 31 - 1, maxRetries: 0, maxResponseBytes: 1, retry: { maxRetryAfterMs: 0 }, headers: { "x-trace": "1" }, reauthIntervalMs: 0 })).not.toThrow();
  });
});

describe("checkCallOptions", () => {
  it.each([
    ["options", null],
    ["options", "fast"],
    ["options.signal", { signal: {} }],
    ["options.signal", { signal: "abort" }],
    ["options.timeoutMs", { timeoutMs: 0 }],
    ["options.maxRetries", { maxRetries: 1.5 }],
  ])("%s: %j", (field, options) => {
    expect(fieldOf(() => checkCallOptions(options as never))).toBe(field);
  });

  it("undefined means none; a real signal passes", () => {
    expect(checkCallOptions(undefined)).toBeUndefined();
    expect(() => checkCallOptions({ signal: new AbortController().signal, timeoutMs: 5, maxRetries: 10 })).not.toThrow();
  });
});

describe("every(): a background timer never crashes the process", () => {
  it("an onError that throws is contained (no unhandled rejection)", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    let ticks = 0;
    const timer = every(
      5,
      async () => {
        ticks++;
        throw new Error("test: tick failed");
      },
      () => {
        throw new Error("test: handler failed too");
      },
    );
    while (ticks < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    timer.stop();
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off("unhandledRejection", onRejection);
    expect(rejections).toEqual([]);
  });
});

describe("ProvidedTokens: a caller's provider after a 401", () => {
  it("asks the provider once more, at most once per interval; a pre-aborted signal runs no provider", async () => {
    let calls = 0;
    let now = 0;
    const tokens = new ProvidedTokens(async () => `p${++calls}`, { reauthIntervalMs: 30_000, now: () => now });
    await expect(tokens.acquire(AbortSignal.abort())).rejects.toBeDefined();
    expect(calls).toBe(0);
    const first = await tokens.acquire();
    expect((await tokens.after401(first))?.value).toBe("p2");
    expect(await tokens.after401(await tokens.acquire())).toBeUndefined();
    expect(calls).toBe(3);
    now += 30_000;
    expect((await tokens.after401(await tokens.acquire()))?.value).toBe("p5");
  });

  it("a provider that hands out the same token: the 401 is returned", async () => {
    const tokens = new ProvidedTokens(async () => "same");
    expect(await tokens.after401(await tokens.acquire())).toBeUndefined();
  });
});
