// Base64 for the Agilicus helpers (basic auth, JWTs, PEM keys) with the functions every runtime
// has (btoa/atob, TextEncoder): no Buffer, so the helpers run in browsers and edge runtimes too.

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** base64url without padding (RFC 7515, JWS). */
export const toBase64Url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Bytes of base64 or base64url text (whitespace ignored); throws on anything else. */
export function fromBase64(text: string): Uint8Array {
  const standard = text.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) throw new TypeError("not base64");
  const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, "="));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
