// Post-processing of typescript-fetch's `runtime.ts`: its declarations name two types that only the
// DOM lib has, so the published `./sdk` failed to type-check in a Node project (`lib: ["ES2022"]` and
// @types/node, skipLibCheck false): `WindowOrWorkerGlobalScope` and `RequestCredentials`. No
// generator option changes them, and a template override would be a copy of the generator's whole
// runtime.mustache to keep in step with every upgrade; so these exact replacements run on the
// generated file, each with a type that Node's and the DOM's lib both declare, and the step fails
// when a pattern is no longer there (a new generator version: look at its runtime.ts again).
// Checked by the runtime matrix's declaration projects (scripts/matrix/declarations.mjs).

/** [what the generator writes, what the SDK ships, why]. */
export const RUNTIME_REPLACEMENTS = [
  // The shape the DOM's `WindowOrWorkerGlobalScope['fetch']` has, a method's type (so the generated
  // middleware context can hold its narrower `(url: string, init) => …`), on the input type that
  // both libs have (`RequestInfo` is DOM-only). `typeof fetch` would not do: with both libs it is
  // two overloads, which that narrower function does not fit.
  [
    "export type FetchAPI = WindowOrWorkerGlobalScope['fetch'];",
    "export type FetchAPI = { fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> }['fetch'];",
    "WindowOrWorkerGlobalScope is DOM-only",
  ],
  // The Fetch standard's RequestCredentials enum, spelled out (the DOM lib's name for it).
  ["credentials?: RequestCredentials;", 'credentials?: "omit" | "same-origin" | "include";', "RequestCredentials is DOM-only"],
  ["get credentials(): RequestCredentials | undefined {", 'get credentials(): "omit" | "same-origin" | "include" | undefined {', "RequestCredentials is DOM-only"],
];

/** The runtime.ts source with every replacement applied; throws naming a pattern the source lacks. */
export function portableRuntime(source) {
  let result = source;
  for (const [from, to, why] of RUNTIME_REPLACEMENTS) {
    if (!result.includes(from)) throw new Error(`typescript-fetch runtime.ts no longer contains \`${from}\` (replaced because ${why}): update scripts/generate/portable-runtime.mjs for this generator version`);
    result = result.replaceAll(from, to);
  }
  return result;
}
