// Signed JSON Web Tokens with WebCrypto alone (no Buffer, no node:crypto), so the helpers that
// sign assertions run in browsers and edge runtimes too: base64 of every flavour, EC private keys
// from PEM (PKCS#8, or SEC1 wrapped into PKCS#8, the only EC private-key format WebCrypto imports),
// ES256 signatures, and the unverified claims of a token (read only to learn its lifetime).
import { ValidationError } from "./errors.js";

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** base64url without padding (RFC 7515, JWS). */
export const toBase64Url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Bytes of base64 or base64url text (whitespace ignored); a TypeError on anything else. */
export function fromBase64(text: string): Uint8Array {
  const standard = text.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) throw new TypeError("not base64");
  const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, "="));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The credential of HTTP basic auth (RFC 7617): base64 of `user:password`, what follows "Basic ". */
export function basicCredential(field: string, user: string, password: string): string {
  if (user.includes(":")) throw new ValidationError(field, 'must not contain ":" (the basic-auth user name cannot)');
  return toBase64(utf8(`${user}:${password}`));
}

/**
 * The two methods of WebCrypto's SubtleCrypto that ES256 signing uses, as a structural type:
 * `SubtleCrypto` and `CryptoKey` are names of the DOM lib only (@types/node has them as
 * `webcrypto.SubtleCrypto`), and the declarations must type-check without it. Both fit this
 * (`crypto.subtle` in browsers, Deno, Bun and Node 19+; `require("node:crypto").webcrypto.subtle`).
 */
export interface WebCryptoSubtle {
  importKey(format: "pkcs8", keyData: ArrayBuffer, algorithm: { name: "ECDSA"; namedCurve: "P-256" }, extractable: boolean, keyUsages: "sign"[]): Promise<WebCryptoKey>;
  sign(algorithm: { name: "ECDSA"; hash: "SHA-256" }, key: WebCryptoKey, data: ArrayBuffer): Promise<ArrayBuffer>;
}
/** A key WebCrypto imported (a `CryptoKey`), only passed back to `sign`. */
export type WebCryptoKey = object;

/** The bytes in an ArrayBuffer of their own (a copy: a Uint8Array may view part of a larger buffer). */
const ownBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

/** WebCrypto's SubtleCrypto, or a ValidationError saying how to pass one (Node 18 has no global). */
export function requireSubtle(subtle: WebCryptoSubtle | undefined): WebCryptoSubtle {
  const found = subtle ?? globalThis.crypto?.subtle;
  if (!found) throw new ValidationError("subtle", "WebCrypto is not available here (globalThis.crypto.subtle): pass `subtle` (on Node 18: require('node:crypto').webcrypto.subtle)");
  return found;
}

/**
 * The PKCS#8 DER of a PEM private key. A SEC1 key ("EC PRIVATE KEY", what OpenSSL and Python's
 * cryptography also write) is wrapped into PKCS#8 as a P-256 key.
 */
export function pkcs8Of(field: string, pem: string): Uint8Array {
  const match = /-----BEGIN ((?:EC )?PRIVATE KEY)-----([\s\S]+?)-----END \1-----/.exec(pem);
  if (!match) throw new ValidationError(field, 'is not a PEM private key (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY")');
  let der: Uint8Array;
  try {
    der = fromBase64(match[2]!);
  } catch {
    throw new ValidationError(field, "is not a PEM private key (its body is not base64)");
  }
  if (match[1] === "PRIVATE KEY") return der;
  // PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier { id-ecPublicKey, prime256v1 }, OCTET STRING sec1 }
  const version = [0x02, 0x01, 0x00];
  const algorithm = [0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
  const content = [...version, ...algorithm, 0x04, ...derLength(der.length), ...der];
  return Uint8Array.from([0x30, ...derLength(content.length), ...content]);
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/**
 * A P-256 signing key from a PEM private key. The PEM is checked at once (a ValidationError naming
 * `field`); WebCrypto's import runs on first use, and a key it refuses fails that use, with a
 * ValidationError naming `field` too (the promise never rejects unobserved).
 */
export function importEcSigningKey(field: string, pem: string, subtle: WebCryptoSubtle): Promise<WebCryptoKey> {
  const der = pkcs8Of(field, pem);
  const key = Promise.resolve()
    .then(() => subtle.importKey("pkcs8", ownBuffer(der), { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]))
    .catch((cause: unknown) => {
      throw new ValidationError(field, "is not a P-256 EC private key that WebCrypto can import", { cause });
    });
  key.catch(() => undefined);
  return key;
}

/** A compact JWS signed with ES256; the header and claims are serialised in the order given. */
export async function signJwtEs256(subtle: WebCryptoSubtle, key: WebCryptoKey | Promise<WebCryptoKey>, header: object, claims: object): Promise<string> {
  const input = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(utf8(JSON.stringify(claims)))}`;
  // WebCrypto's ECDSA signature is r || s (IEEE P1363), which is what JWS ES256 wants.
  const signature = new Uint8Array(await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, await key, ownBuffer(utf8(input))));
  return `${input}.${toBase64Url(signature)}`;
}

/** The claims of a JWT, unverified (only to read its lifetime); undefined when it is not one. */
export function unverifiedJwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(fromBase64(parts[1])));
    return claims && typeof claims === "object" && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
