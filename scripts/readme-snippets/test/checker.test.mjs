// The checker itself: a broken snippet fails it, naming the Markdown file and line; the
// conventions (flags, contexts) are enforced.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WORK, collectSnippets, contextFor, extractSnippets, formatError, renderModule, typeCheckSnippets } from "../src/snippets.mjs";
import { whyNotRun } from "../src/run.mjs";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

describe("the snippet checker", () => {
  it("fails a broken snippet of a fixture README, naming its file and line, as ESM and as CJS", { timeout: 600_000 }, async () => {
    const { snippets, problems } = collectSnippets(["broken/README.md"], FIXTURES);
    expect(problems).toEqual([]);
    const { checked, errors } = await typeCheckSnippets(snippets, { work: path.join(WORK, "fixture") });
    expect(checked).toHaveLength(2); // the no-check block is not checked
    const lines = errors.map(formatError);
    // Line 12 of the fixture: getAccessToken() returns a string, not a number.
    expect(lines).toContainEqual(expect.stringMatching(/^broken\/README\.md:12 \(esm\): TS2322: Type 'string' is not assignable to type 'number'/));
    expect(lines).toContainEqual(expect.stringMatching(/^broken\/README\.md:12 \(cjs\): TS2322/));
    expect(errors.every((e) => e.line === 12)).toBe(true); // the good snippet and the context compile
  });

  it("reads flags and their reasons; a flag without a reason or an unknown one is a problem", () => {
    const { snippets, problems } = extractSnippets("x.md", "```ts no-run needs a real account\nlet a = 1;\n```\n```ts no-check\n```\n```typescript maybe\n```\n");
    expect(snippets.map((s) => [s.line, s.flag, s.reason])).toEqual([[2, "no-run", "needs a real account"], [5, "no-check", ""], [7, "maybe", ""]]);
    expect(problems).toEqual(['x.md:4: "no-check" needs a reason after it', 'x.md:6: unknown snippet flag "maybe" (known: no-check, no-run)']);
  });

  it("gives a snippet only the context declarations it uses and does not declare itself", () => {
    const context = { line: 1, code: 'declare const clientId: string;\ndeclare const clientSecret: string;\nimport { createUniCourtClient } from "@vendor-auth/unicourt";' };
    const snippet = { code: 'const clientSecret = "test-secret";\ncreateUniCourtClient({ clientId, clientSecret });' };
    expect(contextFor(snippet, context)).toEqual({ code: 'declare const clientId: string; import { createUniCourtClient } from "@vendor-auth/unicourt";', names: ["clientId"] });
    // CJS: imports on the first line, the rest in an async function, line numbers kept.
    const cjs = renderModule({ code: 'import { x } from "y";\nawait x();' }, undefined, "cjs").split("\n");
    expect(cjs[0]).toBe(' import { x } from "y"; export async function snippet(): Promise<void> {');
    expect(cjs.slice(1, 3)).toEqual(["", "await x();"]);
  });

  it("runs a snippet only when a fake gives every context name it uses", () => {
    const context = { line: 1, code: "declare const fake: object;\ndeclare const myTokenStore: object;" };
    const file = "packages/unicourt/README.md";
    expect(whyNotRun({ file, code: "fake;", context })).toBeUndefined();
    expect(whyNotRun({ file, code: "fake; myTokenStore;", context })).toBe("uses `myTokenStore` from the prose, which no fake gives");
    expect(whyNotRun({ file, code: "fake;", context, flag: "no-run", reason: "calls production" })).toBe("no-run: calls production");
  });
});
