import { describe, expect, it } from "vitest";
import { REDACTED, Redactor } from "../src/index.js";

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

  it("redacts secret headers and unregistered bearer credentials", () => {
    const r = new Redactor();
    const headers = new Headers({ authorization: "Bearer abc.def.ghi", "set-cookie": "sid=1", "x-request-id": "r1" });
    expect(r.headers(headers)).toEqual({ authorization: REDACTED, "set-cookie": REDACTED, "x-request-id": "r1" });
    expect(r.string("echo: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig")).toBe(`echo: Bearer ${REDACTED}`);
  });

  it("ignores secrets too short to redact safely", () => {
    expect(new Redactor().add("abc").string("abc")).toBe("abc");
  });
});
