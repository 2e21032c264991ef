// Tokens at rest: AES-256-GCM through WebCrypto, with a key derived (HKDF-SHA-256) from the
// caller's encryption key. A sealed value is `v1.<key id>.<iv>.<ciphertext>` (base64url); the key id
// (derived from the key, never the key itself) tells "encrypted with another key" apart from
// "tampered with", and lets the store read values sealed with a previous key while it rotates.
// The record's name and generation are the additional data: a value copied to another record, or
// rolled back to another generation, does not decrypt.
import { ValidationError, VendorAuthError } from "@vendor-auth/core";

const VERSION = "v1";
const SALT = new TextEncoder().encode("@vendor-auth/token-store-redis");
const IV_BYTES = 12;

/** A value in the store could not be read with this store's keys: the wrong key, or a value that was altered. */
export class TokenStoreKeyError extends VendorAuthError {
  override name = "TokenStoreKeyError" as const;
}

export interface SealingKey {
  /** 16 hex characters identifying the key (a digest, not the key). */
  readonly id: string;
  readonly key: CryptoKey;
}

const subtle = () => globalThis.crypto.subtle;

/** Checks one encryption key: a string of at least 32 characters, or exactly 32 bytes. */
function keyBytes(field: string, value: unknown): Uint8Array {
  if (typeof value === "string") {
    if (value.length < 32) throw new ValidationError(field, "must be at least 32 characters (or 32 bytes): a random secret, e.g. `openssl rand -base64 32`");
    return new TextEncoder().encode(value);
  }
  if (value instanceof Uint8Array) {
    if (value.byteLength !== 32) throw new ValidationError(field, `must be exactly 32 bytes, got ${value.byteLength}`);
    return new Uint8Array(value);
  }
  throw new ValidationError(field, "is required: a string of at least 32 characters, or 32 bytes");
}

/** Checks the keys now (ValidationError before anything is sent); derives them on first use. */
export function sealingKeys(encryptionKey: unknown, previous: unknown): () => Promise<readonly SealingKey[]> {
  const current = keyBytes("encryptionKey", encryptionKey);
  if (previous !== undefined && !Array.isArray(previous)) throw new ValidationError("previousEncryptionKeys", "must be an array of keys");
  const all = [current, ...((previous as unknown[] | undefined) ?? []).map((key, i) => keyBytes(`previousEncryptionKeys[${i}]`, key))];
  let derived: Promise<readonly SealingKey[]> | undefined;
  return () => (derived ??= Promise.all(all.map(derive)));
}

async function derive(bytes: Uint8Array): Promise<SealingKey> {
  const material = await subtle().importKey("raw", bytes as BufferSource, "HKDF", false, ["deriveKey", "deriveBits"]);
  const hkdf = (info: string) => ({ name: "HKDF", hash: "SHA-256", salt: SALT as BufferSource, info: new TextEncoder().encode(info) as BufferSource });
  const key = await subtle().deriveKey(hkdf("aes-256-gcm token"), material, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  const id = new Uint8Array(await subtle().deriveBits(hkdf("key id"), material, 64));
  return { id: toHex(id), key };
}

/** Encrypts `plaintext` for record `name` at `generation` with the first (current) key. */
export async function seal(keys: readonly SealingKey[], name: string, generation: number, plaintext: string): Promise<string> {
  const { id, key } = keys[0]!;
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await subtle().encrypt({ name: "AES-GCM", iv, additionalData: aad(name, generation) as BufferSource }, key, new TextEncoder().encode(plaintext));
  return [VERSION, id, toBase64Url(iv), toBase64Url(new Uint8Array(sealed))].join(".");
}

/** Decrypts a sealed value; `rotated` when it was sealed with a previous key. TokenStoreKeyError when it cannot be. */
export async function open(keys: readonly SealingKey[], name: string, generation: number, value: string): Promise<{ plaintext: string; rotated: boolean }> {
  const [version, id, iv, data] = value.split(".");
  if (version !== VERSION || !id || !iv || !data) throw new TokenStoreKeyError("A value in the token store is not one this store wrote (unknown format): was the key prefix shared with something else?", { vendor: "token-store" });
  const index = keys.findIndex((k) => k.id === id);
  if (index < 0) {
    throw new TokenStoreKeyError(
      `A token in the store was encrypted with another key (key id ${id}); this store's keys are ${keys.map((k) => k.id).join(", ")}. Check encryptionKey, or while rotating list the old key in previousEncryptionKeys.`,
      { vendor: "token-store" },
    );
  }
  try {
    const plain = await subtle().decrypt({ name: "AES-GCM", iv: fromBase64Url(iv) as BufferSource, additionalData: aad(name, generation) as BufferSource }, keys[index]!.key, fromBase64Url(data) as BufferSource);
    return { plaintext: new TextDecoder().decode(plain), rotated: index > 0 };
  } catch {
    throw new TokenStoreKeyError(`A token in the store failed authentication (key id ${id}): it was altered, or moved from another record`, { vendor: "token-store" });
  }
}

function aad(name: string, generation: number): Uint8Array {
  return new TextEncoder().encode(`${name}\n${generation}`);
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

function fromBase64Url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64url"));
}
