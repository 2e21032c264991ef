import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { REDACTED, Redactor, TRUNCATED } from "../src/internal.js";

const SECRET = "test-secret-Value/42+x";
const redacts = (redactor: Redactor, secret: string) => !redactor.string(`x ${secret} x`).includes(secret);

describe("Redactor", () => {
  it("replaces registered secrets anywhere in strings and nested values", () => {
    const r = new Redactor().add("s3cr3t-value", undefined, "");
    expect(r.string("x s3cr3t-value y s3cr3t-value")).toBe(`x ${REDACTED} y ${REDACTED}`);
    expect(r.value({ a: ["s3cr3t-value"], b: { c: "ok" } })).toEqual({ a: [REDACTED], b: { c: "ok" } });
  });

  it("redacts secret keys in any casing but keeps identifiers such as tokenId readable", () => {
    const r = new Redactor();
    expect(r.value({ client_secret: "a", clientSecret: "b", Password: "c", access_token: "d", refreshToken: "e", api_key: "f", tokenId: "TKID1", token_type: "Bearer" })).toEqual({
      client_secret: REDACTED,
      clientSecret: REDACTED,
      Password: REDACTED,
      access_token: REDACTED,
      refreshToken: REDACTED,
      api_key: REDACTED,
      tokenId: "TKID1",
      token_type: "Bearer",
    });
  });

  it("redacts secret headers and unregistered bearer and basic credentials in any letter case", () => {
    const r = new Redactor();
    const headers = new Headers({ authorization: "Bearer abc.def.ghi", "set-cookie": "sid=1", "x-request-id": "r1" });
    expect(r.headers(headers)).toEqual({ authorization: REDACTED, "set-cookie": REDACTED, "x-request-id": "r1" });
    expect(r.string("echo: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig")).toBe(`echo: Bearer ${REDACTED}`);
    expect(r.string("echo: basic dGVzdC11c2VyOnRlc3Qtc2VjcmV0")).toBe(`echo: basic ${REDACTED}`);
    expect(r.string("echo: BASIC dGVzdC11c2VyOnRlc3Qtc2VjcmV0")).toBe(`echo: BASIC ${REDACTED}`);
    // English after the scheme name is not a credential.
    expect(r.string("Basic authentication required")).toBe("Basic authentication required");
  });

  it("finds a secret JSON-escaped, percent-encoded (URL and form, either hex case) and base64-encoded at any offset", () => {
    const secret = 'test-"quoted"/secret+ü &=%';
    const r = new Redactor().add(secret);
    const forms = [
      JSON.stringify(secret).slice(1, -1),
      JSON.stringify(secret).slice(1, -1).replace(/\//g, "\\/"),
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
      new URLSearchParams({ s: secret }).toString().slice(2),
      Buffer.from(secret).toString("base64"),
      Buffer.from(`a${secret}`).toString("base64"),
      Buffer.from(`ab${secret}`).toString("base64"),
      Buffer.from(`user:${secret}`).toString("base64url"),
    ];
    for (const form of forms) {
      const out = r.string(`before ${form} after`);
      expect(out, form).toContain(REDACTED);
      expect(out, form).not.toContain(form);
    }
    // `Basic base64(id:secret)` as a whole, even with an unregistered id.
    expect(r.string(`Authorization: basic ${Buffer.from(`someone:${secret}`).toString("base64")}`)).not.toContain(Buffer.from(`someone:${secret}`).toString("base64"));
  });

  it("short secrets (a 4-digit passcode, a 5-character password) are redacted as whole words and exact values", () => {
    const r = new Redactor();
    return r.during(["2404", "pw5ch"], async () => {
      expect(r.string("passcode 2404 rejected")).toBe(`passcode ${REDACTED} rejected`);
      expect(r.string("password=pw5ch;")).toBe(`password=${REDACTED};`);
      expect(r.value({ echo: "2404", other: ["pw5ch"] })).toEqual({ echo: REDACTED, other: [REDACTED] });
      // Not inside other words or numbers.
      expect(r.string("meeting 12404 at 24045")).toBe("meeting 12404 at 24045");
    });
  });

  it("past the depth limit a subtree becomes a marker, so any body serialises", () => {
    let deep: unknown = SECRET;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const copy = new Redactor().add(SECRET).value({ body: deep });
    const json = JSON.stringify(copy);
    expect(json).toContain(TRUNCATED);
    expect(json).not.toContain(SECRET);
    expect(() => inspect(copy, { depth: Infinity })).not.toThrow();
  });

  it("copies objects as own data properties: a __proto__ key stays a key, the prototype is untouched", () => {
    const parsed = JSON.parse('{"__proto__": {"code": "FORGED"}, "message": "m"}') as Record<string, unknown>;
    const copy = new Redactor().value(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { code?: unknown }).code).toBeUndefined();
    expect(Object.keys(copy)).toEqual(["__proto__", "message"]);
  });

  it("excerpt(): redacts before it cuts, so a secret straddling the cut leaves no head behind", () => {
    const r = new Redactor().add(SECRET);
    const text = `${"x".repeat(190)}${SECRET}${"y".repeat(50)}`;
    const excerpt = r.excerpt(text, 200);
    expect(excerpt.length).toBeLessThanOrEqual(200);
    expect(excerpt).not.toContain(SECRET.slice(0, 10));
    expect(excerpt.endsWith("[REDACTED]".slice(0, 10))).toBe(true);
  });

  it("error(): a redacted copy of an error and its causes, code kept", () => {
    const inner = Object.assign(new Error(`Headers.set: "Bearer ${SECRET}" is an invalid header value`), { code: "ERR_INVALID_CHAR" });
    const outer = new TypeError(`fetch failed for ${SECRET}`, { cause: inner });
    const copy = new Redactor().add(SECRET).error(outer) as Error & { cause: Error & { code: string } };
    expect(copy.name).toBe("TypeError");
    expect(copy.message).toBe(`fetch failed for ${REDACTED}`);
    expect(copy.cause.code).toBe("ERR_INVALID_CHAR");
    expect(inspect(copy, { depth: 8 })).not.toContain(SECRET);
    expect(copy.stack).not.toContain(SECRET);
  });

  it("origin(): only scheme, host and port of a URL", () => {
    const r = new Redactor();
    expect(r.origin("https://evil.example:8443/steal?token=x", "https://api.example.com")).toBe("https://evil.example:8443");
    expect(r.origin("/relative?x=1", "https://api.example.com/base")).toBe("https://api.example.com");
    expect(r.origin(null)).toBeUndefined();
  });
});

describe("Redactor lifetimes", () => {
  it("during(): redacted while the task runs, forgotten after, also when it fails", async () => {
    const redactor = new Redactor();
    await redactor.during(["test-call-secret-1"], async () => expect(redacts(redactor, "test-call-secret-1")).toBe(true));
    expect(redacts(redactor, "test-call-secret-1")).toBe(false);
    await expect(redactor.during(["test-call-secret-2"], () => Promise.reject(new Error("test")))).rejects.toThrow("test");
    expect(redacts(redactor, "test-call-secret-2")).toBe(false);
  });

  it("concurrent calls with the same secret: it stays redacted until the last one ends", async () => {
    const redactor = new Redactor();
    let releaseFirst!: () => void;
    const first = redactor.during(["test-shared-secret"], () => new Promise<void>((resolve) => (releaseFirst = resolve)));
    await redactor.during(["test-shared-secret"], async () => {});
    expect(redacts(redactor, "test-shared-secret")).toBe(true);
    releaseFirst();
    await first;
    expect(redacts(redactor, "test-shared-secret")).toBe(false);
  });

  it("a kept or remembered secret outlives a call that also used it", async () => {
    const redactor = new Redactor();
    redactor.add("test-kept-secret");
    redactor.remember("test-received-secret");
    await redactor.during(["test-kept-secret", "test-received-secret", undefined, ""], async () => {});
    expect(redacts(redactor, "test-kept-secret")).toBe(true);
    expect(redacts(redactor, "test-received-secret")).toBe(true);
  });

  it("remember(): only the most recent maxRemembered secrets (refreshed on reuse): 4,000 per-user tokens do not grow it", () => {
    const redactor = new Redactor({ maxRemembered: 2 });
    redactor.remember("test-received-1");
    redactor.remember("test-received-2");
    redactor.remember("test-received-1");
    redactor.remember("test-received-3");
    expect(redacts(redactor, "test-received-1")).toBe(true);
    expect(redacts(redactor, "test-received-2")).toBe(false);
    expect(redacts(redactor, "test-received-3")).toBe(true);
    const many = new Redactor();
    for (let i = 0; i < 4000; i++) many.remember(`test-per-user-token-${i}`);
    expect(many.size).toBe(256);
  });
});
