// Small readers the vendor handlers share. The spec validator has already checked the request
// when a handler runs, so these only convert (query values arrive as strings).
import type { FakeRequest } from "./fake-server.js";

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerTokenOf(request: Pick<FakeRequest, "headers">): string | undefined {
  const raw = request.headers["authorization"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const match = /^Bearer\s+(\S+)$/i.exec(value ?? "");
  return match?.[1];
}

/** A query parameter as an integer (undefined when absent). */
export function queryInteger(request: Pick<FakeRequest, "query">, name: string): number | undefined {
  const value = request.query.get(name);
  return value === null || value === "" ? undefined : Number.parseInt(value, 10);
}

/**
 * A query parameter as a boolean (undefined when absent): `true`/`1` are true, in any case
 * (`True` is what Python clients send), everything else false.
 */
export function queryBoolean(request: Pick<FakeRequest, "query">, name: string): boolean | undefined {
  const value = request.query.get(name);
  if (value === null || value === "") return undefined;
  const lower = value.trim().toLowerCase();
  return lower === "true" || lower === "1";
}
