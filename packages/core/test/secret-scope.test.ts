// SecretScope: the three lifetimes of a redacted secret (client, call, most recent N received).
import { describe, expect, it } from "vitest";
import { Redactor } from "../src/index.js";
import { SecretScope } from "../src/index.js";

const redacts = (redactor: Redactor, secret: string) => !redactor.string(`x ${secret} x`).includes(secret);

describe("SecretScope", () => {
  it("during(): redacted while the task runs, forgotten after, also when it fails", async () => {
    const redactor = new Redactor();
    const scope = new SecretScope(redactor);
    await scope.during(["test-call-secret-1"], async () => expect(redacts(redactor, "test-call-secret-1")).toBe(true));
    expect(redacts(redactor, "test-call-secret-1")).toBe(false);
    await expect(scope.during(["test-call-secret-2"], () => Promise.reject(new Error("test")))).rejects.toThrow("test");
    expect(redacts(redactor, "test-call-secret-2")).toBe(false);
  });

  it("concurrent calls with the same secret: it stays redacted until the last one ends", async () => {
    const redactor = new Redactor();
    const scope = new SecretScope(redactor);
    let releaseFirst!: () => void;
    const first = scope.during(["test-shared-secret"], () => new Promise<void>((resolve) => (releaseFirst = resolve)));
    await scope.during(["test-shared-secret"], async () => {});
    expect(redacts(redactor, "test-shared-secret")).toBe(true);
    releaseFirst();
    await first;
    expect(redacts(redactor, "test-shared-secret")).toBe(false);
  });

  it("a kept or remembered secret outlives a call that also used it", async () => {
    const redactor = new Redactor();
    const scope = new SecretScope(redactor);
    scope.keep("test-kept-secret");
    scope.remember("test-received-secret");
    await scope.during(["test-kept-secret", "test-received-secret", undefined, ""], async () => {});
    expect(redacts(redactor, "test-kept-secret")).toBe(true);
    expect(redacts(redactor, "test-received-secret")).toBe(true);
  });

  it("remember(): only the most recent maxRemembered secrets (refreshed on reuse)", () => {
    const redactor = new Redactor();
    const scope = new SecretScope(redactor, { maxRemembered: 2 });
    scope.remember("test-received-1");
    scope.remember("test-received-2");
    scope.remember("test-received-1");
    scope.remember("test-received-3");
    expect(redacts(redactor, "test-received-1")).toBe(true);
    expect(redacts(redactor, "test-received-2")).toBe(false);
    expect(redacts(redactor, "test-received-3")).toBe(true);
  });
});
