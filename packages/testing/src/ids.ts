// Identifiers and secrets the fakes hand out: random, of the lengths the specs demand, and
// recognisably fake (they start with "test-" or another marker), so none can be mistaken for a
// real credential in a log.
import { randomBytes } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` random letters and digits. */
export function randomAlphanumeric(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[bytes[i]! % ALPHANUMERIC.length];
  return out;
}

/** `prefix` followed by random base64url characters, `length` characters in all (at least the prefix). */
export function fakeSecret(prefix: string, length = prefix.length + 32): string {
  const rest = Math.max(0, length - prefix.length);
  return prefix + randomBytes(Math.ceil((rest * 3) / 4) + 1).toString("base64url").slice(0, rest);
}

/** Lower-case hex of `length` characters (e.g. BlueJeans client ids: 32 hex characters). */
export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString("hex").slice(0, length);
}
