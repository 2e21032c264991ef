import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelay, sleep } from "../src/retry.js";

describe("Retry-After", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Mon, 23 Nov 2026 12:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("is honoured and capped", () => {
    expect(retryDelay(0, {}, "2", () => 0, now)).toBe(2000);
    expect(retryDelay(0, { maxRetryAfterMs: 1000 }, "120", () => 0, now)).toBe(1000);
  });
});

describe("backoff", () => {
  it("doubles per retry, is capped, and jitters down by at most 25%", () => {
    expect(retryDelay(0, {}, undefined, () => 0)).toBe(500);
    expect(retryDelay(1, {}, undefined, () => 0)).toBe(1000);
    expect(retryDelay(10, {}, undefined, () => 0)).toBe(8000);
    expect(retryDelay(1, {}, undefined, () => 1)).toBe(750);
    expect(retryDelay(0, { initialDelayMs: 10, maxDelayMs: 15 }, undefined, () => 0)).toBe(10);
  });
});

describe("sleep", () => {
  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });
});
