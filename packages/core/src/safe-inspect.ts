// Makes a client object print only a safe description in JSON.stringify and util.inspect, so a
// logged client never shows its secrets (which live in closures, not in properties, anyway).

export function withSafeDescription<T extends object>(target: T, name: string, describe: () => Record<string, unknown>): T {
  Object.defineProperties(target, {
    toJSON: { value: describe, enumerable: false },
    [Symbol.for("nodejs.util.inspect.custom")]: { value: () => `${name} ${JSON.stringify(describe())}`, enumerable: false },
  });
  return target;
}
