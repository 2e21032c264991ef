// The post-processing of typescript-fetch's runtime.ts (portable-runtime.mjs): every DOM-only name
// replaced in the committed SDKs, and a loud failure when the generator stops writing a pattern.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RUNTIME_REPLACEMENTS, portableRuntime } from "../portable-runtime.mjs";
import { repoRoot } from "../paths.mjs";
import { VENDORS } from "../../vendors.mjs";

const generated = `export interface ConfigurationParameters {
    credentials?: RequestCredentials; //value for the credentials param we want to use on each request
}
    get credentials(): RequestCredentials | undefined {
export type FetchAPI = WindowOrWorkerGlobalScope['fetch'];
export type HTTPRequestInit = { headers?: HTTPHeaders; method: HTTPMethod; credentials?: RequestCredentials; body?: HTTPBody };
`;

describe("portableRuntime", () => {
  it("replaces every DOM-only type name of the generator's runtime.ts", () => {
    const result = portableRuntime(generated);
    expect(result).not.toMatch(/RequestCredentials|WindowOrWorkerGlobalScope/);
    expect(result).toContain("export type FetchAPI = { fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> }['fetch'];");
    expect(result.match(/"omit" \| "same-origin" \| "include"/g)).toHaveLength(3);
  });

  it("fails, naming the pattern, when the generator no longer writes it", () => {
    const [missing] = RUNTIME_REPLACEMENTS[0];
    expect(() => portableRuntime(generated.replace(missing, ""))).toThrow(missing);
  });

  it.each(VENDORS)("the committed %s SDK runtime has no DOM-only type name", (vendor) => {
    const runtime = readFileSync(path.join(repoRoot, "packages", vendor, "src/generated/sdk/runtime.ts"), "utf8");
    expect(runtime).not.toMatch(/RequestCredentials|WindowOrWorkerGlobalScope|RequestInfo\b/);
  });
});
