// pnpm readme-snippets [file.md …]: type-check every README/docs snippet (strict, ESM and CJS)
// against the built packages and say which would run against the fakes and why the others do not.
// Running them is the test's job (test/readme-snippets.test.mjs, part of `pnpm test`).
import { collectSnippets, formatError, snippetFiles, typeCheckSnippets } from "./snippets.mjs";
import { whyNotRun } from "./run.mjs";

const start = performance.now();
const files = process.argv.slice(2).length ? process.argv.slice(2) : snippetFiles();
const { snippets, problems } = collectSnippets(files);
const { checked, errors } = await typeCheckSnippets(snippets);
const notRun = snippets.map((s) => [s, whyNotRun(s)]).filter(([, why]) => why);
for (const [s, why] of notRun) console.log(`not run: ${s.file}:${s.line}: ${why}`);
for (const problem of problems) console.error(`convention: ${problem}`);
for (const error of errors) console.error(formatError(error));
console.log(
  `${snippets.length} snippets in ${files.length} files: ${checked.length} type-checked (ESM and CJS), ${snippets.length - checked.length} marked no-check, ` +
    `${snippets.length - notRun.length} to run against the fakes; ${errors.length} type errors; ${((performance.now() - start) / 1000).toFixed(1)} s`,
);
if (errors.length || problems.length) process.exitCode = 1;
