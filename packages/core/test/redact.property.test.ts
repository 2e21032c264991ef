// Property-based: whatever the shape of a value and wherever a registered secret hides in it, the
// redacted copy never contains the secret, and secret-named keys never keep their values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, Redactor } from "../src/index.js";

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
