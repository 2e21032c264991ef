// `await using` support on every runtime we ship to.
//
// Node 18 and early Node 20 have no `Symbol.asyncDispose`. Transpilers that lower `await using`
// (TypeScript's and Babel's helpers, esbuild's `__using`) then look the method up under
// `Symbol.for("Symbol.asyncDispose")`, so a disposable object is keyed under the native symbol
// when there is one and under the registered symbol always.
//
// The types: `Symbol.asyncDispose` and `AsyncDisposable` are in TypeScript's lib only from
// `esnext.disposable` (or `es2024`+ in later versions), and @types/node declares them for Node
// projects; a browser project with `lib: ["ES2022", "DOM"]` has neither, and our declarations
// (sessions, fakes, the Redis store) name them. So core declares them the way @types/node does
// (node_modules/@types/node/compatibility/disposable.d.ts): the same members, which merge with
// TypeScript's own lib and with @types/node's where a project has those too.
declare global {
  interface SymbolConstructor {
    /** The method `await using` calls when the block ends. */
    readonly asyncDispose: unique symbol;
  }
  interface AsyncDisposable {
    [Symbol.asyncDispose](): PromiseLike<void>;
  }
}

/** The runtime's `Symbol.asyncDispose`, or the registered symbol transpilers fall back to. */
export const asyncDisposeSymbol: typeof Symbol.asyncDispose = ((Symbol as { asyncDispose?: symbol }).asyncDispose ??
  Symbol.for("Symbol.asyncDispose")) as typeof Symbol.asyncDispose;

/** Makes `target` disposable with `await using`: `dispose` runs under every lookup key. */
export function defineAsyncDispose<T extends object>(target: T, dispose: () => Promise<void>): T & AsyncDisposable {
  for (const key of new Set<symbol>([asyncDisposeSymbol, Symbol.for("Symbol.asyncDispose")])) {
    Object.defineProperty(target, key, { value: dispose, enumerable: false, configurable: true });
  }
  return target as T & AsyncDisposable;
}
