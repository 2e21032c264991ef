// jws.ts against node:crypto as the independent judge: the keys it imports, the signatures it
// makes, the base64 it writes and reads.
import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ValidationError, basicCredential, fromBase64, importEcSigningKey, pkcs8Of, requireSubtle, signJwtEs256, toBase64, toBase64Url, unverifiedJwtClaims, utf8 } from "../src/internal.js";

const subtle = requireSubtle(undefined);
const pair = () => generateKeyPairSync("ec", { namedCurve: "P-256" });

describe("base64", () => {
  it("writes standard and URL-safe base64 as Buffer does, and reads both back", () => {
    for (const length of [0, 1, 2, 3, 4, 100, 40_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + 7) % 256);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
      // Compared as Buffers: a deep equality over 40,000 elements is slow on a loaded machine.
      expect(Buffer.from(fromBase64(toBase64Url(bytes))).equals(Buffer.from(bytes))).toBe(true);
      expect(Buffer.from(fromBase64(toBase64(bytes).replace(/(.{76})/g, "$1\n"))).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(() => fromBase64("not base64!")).toThrow(TypeError);
  });

  it("basic credentials: base64 of user:password; a colon in the user name is refused", () => {
    expect(basicCredential("apiKey.email", "a@example.test", "test-key:with:colons")).toBe(Buffer.from("a@example.test:test-key:with:colons").toString("base64"));
    expect(() => basicCredential("apiKey.email", "a:b", "test-key")).toThrow(expect.objectContaining({ name: "ValidationError", field: "apiKey.email" }));
  });
});

describe("EC keys and ES256", () => {
  it("a PKCS#8 or SEC1 PEM imports, and its ES256 JWTs verify with node:crypto (header and claims in the order given)", async () => {
    const { privateKey, publicKey } = pair();
    for (const pem of [privateKey.export({ type: "pkcs8", format: "pem" }) as string, privateKey.export({ type: "sec1", format: "pem" }) as string]) {
      // The SEC1 wrapping is the PKCS#8 node:crypto reads as the same key.
      const der = createPrivateKey({ key: Buffer.from(pkcs8Of("key", pem)), format: "der", type: "pkcs8" });
      expect(createPublicKey(der).export({ type: "spki", format: "der" })).toEqual(publicKey.export({ type: "spki", format: "der" }));
      const jwt = await signJwtEs256(subtle, importEcSigningKey("key", pem, subtle), { typ: "JWT", alg: "ES256" }, { b: 2, a: "ü" });
      const [header, claims, signature] = jwt.split(".");
      expect(Buffer.from(header!, "base64url").toString()).toBe('{"typ":"JWT","alg":"ES256"}');
      expect(Buffer.from(claims!, "base64url").toString()).toBe('{"b":2,"a":"ü"}');
      expect(verify("sha256", Buffer.from(`${header}.${claims}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature!, "base64url"))).toBe(true);
      expect(unverifiedJwtClaims(jwt)).toEqual({ b: 2, a: "ü" });
    }
  });

  it("a PEM that is not a private key is a ValidationError naming the field at once; a key WebCrypto refuses, at first use", async () => {
    expect(() => importEcSigningKey("status.key", "test-not-a-pem", subtle)).toThrow(/Invalid status.key: is not a PEM private key/);
    expect(() => importEcSigningKey("status.key", "-----BEGIN PRIVATE KEY-----\n%%%\n-----END PRIVATE KEY-----", subtle)).toThrow(/its body is not base64/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    const key = importEcSigningKey("status.key", rsa, subtle);
    await expect(key).rejects.toBeInstanceOf(ValidationError);
    await expect(key).rejects.toMatchObject({ field: "status.key", message: expect.stringContaining("not a P-256 EC private key") });
  });

  it("unverifiedJwtClaims: undefined for anything that is not a JWT with an object payload", () => {
    expect(unverifiedJwtClaims("opaque-token")).toBeUndefined();
    expect(unverifiedJwtClaims(`a.${toBase64Url(utf8("[1]"))}.c`)).toBeUndefined();
    expect(unverifiedJwtClaims("a.%%%.c")).toBeUndefined();
    expect(unverifiedJwtClaims(`a.${toBase64Url(utf8('{"exp":1}'))}.c`)).toEqual({ exp: 1 });
  });
});
