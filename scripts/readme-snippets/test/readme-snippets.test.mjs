// Every TypeScript snippet of the READMEs and docs compiles (strict, ESM and CJS) against the
// built packages, and every one that can run, runs against its vendor's fake without throwing.
import { describe, expect, it } from "vitest";
import { collectSnippets, formatError, typeCheckSnippets } from "../src/snippets.mjs";
import { runSnippet, whyNotRun } from "../src/run.mjs";

const { snippets, problems } = collectSnippets();
const runnable = snippets.filter((s) => !whyNotRun(s));

describe("README snippets", () => {
  it("follow the snippet conventions (flags with reasons, closed contexts)", () => {
    expect(problems).toEqual([]);
  });

  it("type-check, as ESM and as CJS", { timeout: 600_000 }, async () => {
    const { checked, errors } = await typeCheckSnippets(snippets);
    expect(checked.length).toBeGreaterThan(0);
    expect(errors.map(formatError)).toEqual([]);
  });

  // Each run starts a fake (the spec mock compiles a spec): at a load of 40 that alone took over 60 s.
  it.each(runnable.map((s) => [`${s.file}:${s.line}`, s]))("%s runs against the fake", { timeout: 240_000 }, async (_, snippet) => {
    await runSnippet(snippet, { expect });
  });
});
