// `await using fake = await startXFake()` on every Node this package supports. Early Node 20 has
// no `Symbol.asyncDispose`; transpilers that lower `await using` then look the method up under
// `Symbol.for("Symbol.asyncDispose")`, so a fake is keyed under both.
//
// The same rule as @vendor-auth/core's dispose.ts, not imported from it: core's own tests run on
// this package (its loopback server and fault suite), so a dependency on core would close a cycle
// in the workspace graph (turbo refuses cyclic graphs).
export function defineAsyncDispose<T extends object>(target: T, dispose: () => Promise<void>): T & AsyncDisposable {
  const native = (Symbol as { asyncDispose?: symbol }).asyncDispose;
  for (const key of new Set<symbol>([native ?? Symbol.for("Symbol.asyncDispose"), Symbol.for("Symbol.asyncDispose")])) {
    Object.defineProperty(target, key, { value: dispose, enumerable: false, configurable: true });
  }
  return target as T & AsyncDisposable;
}
