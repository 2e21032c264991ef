import { describe, expect, it } from "vitest";
import { createDeadline } from "../src/internal.js";

describe("createDeadline", () => {
  it("fires on timeout and says so", async () => {
    const d = createDeadline(10);
    await new Promise((resolve) => d.signal.addEventListener("abort", resolve));
    expect(d.timedOut).toBe(true);
    expect(d.abortedByCaller).toBe(false);
    d.dispose();
  });

  it("follows the caller's signal, including one already aborted", () => {
    const caller = new AbortController();
    const d = createDeadline(10_000, caller.signal);
    caller.abort();
    expect(d.signal.aborted).toBe(true);
    expect(d.abortedByCaller).toBe(true);
    expect(d.timedOut).toBe(false);
    d.dispose();
    const pre = createDeadline(10_000, AbortSignal.abort());
    expect(pre.abortedByCaller).toBe(true);
    pre.dispose();
  });

  it("dispose() stops the timer: the signal never fires afterwards", async () => {
    const d = createDeadline(5);
    d.dispose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(d.signal.aborted).toBe(false);
  });
});
