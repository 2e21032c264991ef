// Property-based: whatever the shape of a value and wherever a registered secret hides in it, the
// redacted copy never contains the secret, and secret-named keys never keep their values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, Redactor } from "../src/internal.js";

const secretArb = fc.string({ minLength: Redactor.MIN_SECRET_LENGTH, maxLength: 40 }).filter((s) => !REDACTED.includes(s) && s.trim() === s && s.length >= Redactor.MIN_SECRET_LENGTH);

describe("Redactor properties", () => {
  it("a registered secret never survives in strings, nested values or headers", () => {
    fc.assert(
      fc.property(secretArb, fc.jsonValue(), fc.string(), fc.string(), (secret, value, before, after) => {
        const redactor = new Redactor().add(secret);
        const embedded = { text: `${before}${secret}${after}`, nested: [value, { deep: `${secret}${secret}` }], other: value };
        expect(JSON.stringify(redactor.value(embedded))).not.toContain(secret);
        expect(redactor.string(`${before}${secret}${after}`)).not.toContain(secret);
        expect(JSON.stringify(redactor.headers({ "x-echo": `${before}${secret}` }))).not.toContain(secret);
        expect(redactor.url(`https://api.example.com/x?q=${encodeURIComponent(secret)}&access_token=abc`)).not.toContain("abc");
      }),
      { numRuns: 500, seed: 20261125 },
    );
  });

  it("values under secret-named keys are replaced whatever their content", () => {
    const key = fc.constantFrom("password", "client_secret", "clientSecret", "access_token", "refreshToken", "api_key", "Authorization", "token");
    fc.assert(
      fc.property(key, fc.string({ minLength: 1 }), (name, value) => {
        expect(new Redactor().value({ [name]: value })).toEqual({ [name]: REDACTED });
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});

// Every encoding a server, a proxy or a library may echo a secret in.
const encoders: Record<string, (secret: string, id: string) => string> = {
  raw: (s) => s,
  json: (s) => JSON.stringify(s).slice(1, -1),
  jsonAscii: (s) => JSON.stringify(s).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  uri: (s) => encodeURIComponent(s),
  uriLower: (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
  form: (s) => new URLSearchParams({ s }).toString().slice(2),
  base64: (s) => Buffer.from(s).toString("base64"),
  base64url: (s) => Buffer.from(s).toString("base64url"),
  basic: (s, id) => `Basic ${Buffer.from(`${id}:${s}`).toString("base64")}`,
  basicLower: (s, id) => `basic ${Buffer.from(`${id}:${s}`).toString("base64")}`,
};

describe("Redactor properties: encodings and lengths", () => {
  it("a registered secret, in any encoding, embedded anywhere, never survives (and neither does its encoded form)", () => {
    fc.assert(
      fc.property(secretArb, fc.constantFrom(...Object.keys(encoders)), fc.string({ maxLength: 8 }), fc.string(), fc.string(), (secret, name, id, before, after) => {
        const encoded = encoders[name]!(secret, id);
        // The encoded secret inside base64 text of arbitrary bytes: `before` and `after` shift its offset.
        const text = name.startsWith("base64") ? Buffer.from(`${before}${secret}${after}`).toString(name as "base64" | "base64url") : `${before}${encoded}${after}`;
        const redactor = new Redactor().add(secret);
        const out = redactor.string(text);
        expect(out).not.toContain(secret);
        if (!name.startsWith("base64")) expect(out).not.toContain(encoded);
        else expect(Buffer.from(out.split(REDACTED).join(""), name as "base64").toString("utf8")).not.toContain(secret);
        expect(JSON.stringify(redactor.value({ nested: [{ text }] }))).not.toContain(secret);
      }),
      { numRuns: 1000, seed: 20261201 },
    );
  });

  it("a secret of any length (1 to 5 characters too) is redacted as a whole word and as an exact value while its call runs", async () => {
    const shortSecret = fc.stringMatching(/^[A-Za-z0-9]{1,5}$/);
    await fc.assert(
      fc.asyncProperty(shortSecret, fc.constantFrom(" ", ": ", "=", "\"", "/"), async (secret, separator) => {
        const redactor = new Redactor();
        await redactor.during([secret], async () => {
          const text = `rejected${separator}${secret}${separator}end`;
          const out = redactor.string(text);
          expect(out.split(/[^A-Za-z0-9]+/)).not.toContain(secret);
          expect(redactor.value({ echo: secret })).toEqual({ echo: REDACTED });
        });
      }),
      { numRuns: 500, seed: 20261202 },
    );
  });
});
