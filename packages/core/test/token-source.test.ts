import { describe, expect, it } from "vitest";
import { ValidationError, every, toTokenProvider } from "../src/internal.js";

describe("toTokenProvider", () => {
  it("accepts a string or a (sync or async) function", async () => {
    expect(await toTokenProvider("token", "abc")()).toBe("abc");
    expect(await toTokenProvider("token", () => "def")()).toBe("def");
    expect(await toTokenProvider("token", async () => "ghi")()).toBe("ghi");
  });

  it("rejects missing, empty and empty-returning sources with ValidationError", async () => {
    expect(() => toTokenProvider("token", undefined)).toThrow(ValidationError);
    expect(() => toTokenProvider("token", " ")).toThrow(/token: must not be empty/);
    await expect(toTokenProvider("getToken", async () => "")()).rejects.toThrow(/getToken: the token provider returned no token/);
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
