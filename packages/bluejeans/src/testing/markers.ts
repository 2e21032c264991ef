// The valueless query markers of the vendor's seed paths, read from the spec: each operation's
// `x-seed-operations[].seedPath` (e.g. `/oauth2/token?Client` -> "Client" on getToken). The vendor's
// spec and SDKs send them; the server ignores them (spec decision grant-query-markers), so the fake
// takes them out of the query before validation.

type SeedOperation = { seedPath?: unknown };
type Operation = { operationId?: unknown; "x-seed-operations"?: unknown };

export function seedPathMarkers(spec: Record<string, unknown>): ReadonlyMap<string, readonly string[]> {
  const markers = new Map<string, string[]>();
  for (const item of Object.values((spec["paths"] ?? {}) as Record<string, Record<string, Operation>>)) {
    for (const operation of Object.values(item)) {
      if (typeof operation?.operationId !== "string" || !Array.isArray(operation["x-seed-operations"])) continue;
      const names = (operation["x-seed-operations"] as SeedOperation[])
        .map((seed) => (typeof seed.seedPath === "string" ? seed.seedPath.split("?")[1] : undefined))
        .filter((marker): marker is string => Boolean(marker));
      markers.set(operation.operationId, names);
    }
  }
  return markers;
}
