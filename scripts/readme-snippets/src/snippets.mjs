// README snippets: every ```ts / ```typescript block of the READMEs and docs, type-checked against
// the built packages (strict, as ESM and as CJS), and the ones that can run, run against the
// packages' ./testing fakes (test/readme-snippets.test.mjs). The conventions are in ../README.md.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
/** Where the snippet files are written (gitignored); the packages resolve from this package's node_modules. */
export const WORK = path.resolve(import.meta.dirname, "../.work");
const require = createRequire(import.meta.url);
const ts = require("typescript");
const TSC = require.resolve("typescript/bin/tsc");

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;
const LANGS = new Set(["ts", "typescript"]);
/** Info-string flags after the language: what the checker skips, each with a reason. */
const FLAGS = new Set(["no-check", "no-run"]);
const CONTEXT_START = /^<!--\s*snippet-context\b.*$/;

/** The Markdown files whose snippets are checked: the root README, every package README, docs/*.md. */
export function snippetFiles(root = ROOT) {
  const files = ["README.md"];
  for (const dir of readdirSync(path.join(root, "packages")).sort()) if (existsSync(path.join(root, "packages", dir, "README.md"))) files.push(`packages/${dir}/README.md`);
  for (const file of readdirSync(path.join(root, "docs")).sort()) if (file.endsWith(".md")) files.push(`docs/${file}`);
  return files;
}

/**
 * The snippets and the context of one Markdown file. A snippet: `{ file, line, code, flag, reason }`
 * (`line`: the 1-based line of its first code line); the context: the TypeScript of the file's
 * `<!-- snippet-context … -->` comment (declarations of the names its prose gives the snippets),
 * with its first line. Problems with the conventions themselves are in `problems`.
 */
export function extractSnippets(file, text) {
  const lines = text.split("\n");
  const snippets = [];
  const problems = [];
  let context;
  for (let i = 0; i < lines.length; i++) {
    if (CONTEXT_START.test(lines[i].trim())) {
      const end = lines.findIndex((line, j) => j > i && line.includes("-->"));
      if (end < 0) problems.push(`${file}:${i + 1}: snippet-context comment is not closed`);
      else context = { line: i + 2, code: lines.slice(i + 1, end).join("\n") };
      i = end < 0 ? i : end;
      continue;
    }
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open;
    const close = lines.findIndex((line, j) => j > i && line.trim().startsWith(fence[0].repeat(fence.length)) && line.trim().replace(/[`~]/g, "") === "");
    const end = close < 0 ? lines.length : close;
    if (LANGS.has(lang.toLowerCase())) {
      const [flag, ...why] = rest.trim().split(/\s+/).filter(Boolean);
      const snippet = { file, line: i + 2, code: lines.slice(i + 1, end).map((line) => line.slice(indent.length)).join("\n"), flag: undefined, reason: undefined };
      if (flag !== undefined) {
        if (!FLAGS.has(flag)) problems.push(`${file}:${i + 1}: unknown snippet flag "${flag}" (known: ${[...FLAGS].join(", ")})`);
        else if (why.length === 0) problems.push(`${file}:${i + 1}: "${flag}" needs a reason after it`);
        snippet.flag = flag;
        snippet.reason = why.join(" ");
      }
      snippets.push(snippet);
    }
    i = end;
  }
  return { file, snippets, context, problems };
}

/** The names a source file declares at its top level (imports, variables, functions, classes, types). */
function declaredNames(sourceFile) {
  const names = new Set();
  const bind = (name) => {
    if (!name) return;
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements ?? []) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) {
      const clause = ts.isImportDeclaration(statement) ? statement.importClause : statement;
      bind(clause?.name);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) bind(bindings.name);
      else for (const element of bindings?.elements ?? []) bind(element.name);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bind(declaration.name);
    } else if (statement.name && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement))) {
      bind(statement.name);
    }
  }
  return names;
}

/** The identifiers a snippet uses (a superset of its free names: enough to pick context declarations). */
function usedIdentifiers(sourceFile) {
  const used = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return used;
}

const parse = (name, code) => ts.createSourceFile(name, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);

/**
 * The context declarations (statements of the file's snippet-context) a snippet needs: those
 * declaring a name the snippet uses and does not declare itself. Returns `{ code, names }`.
 */
export function contextFor(snippet, context) {
  if (!context) return { code: "", names: [] };
  const own = parse("snippet.ts", snippet.code);
  const declared = declaredNames(own);
  const used = usedIdentifiers(own);
  const statements = [];
  const names = [];
  for (const statement of parse("context.ts", context.code).statements) {
    const provides = [...declaredNames({ statements: [statement] })];
    if (provides.some((name) => used.has(name) && !declared.has(name))) {
      statements.push(statement.getText().replace(/\s*\n\s*/g, " "));
      names.push(...provides.filter((name) => !ts.isImportDeclaration(statement)));
    }
  }
  return { code: statements.join(" "), names };
}

/**
 * The module of one snippet for tsc, and the number of lines before the snippet's first line
 * (always 1: the context declarations share one line). ESM: the snippet as written (top-level
 * await is fine). CJS: the imports stay at the top level, on that first line, and the rest runs in
 * an async function (CommonJS has no top-level await); the import lines are left blank, so every
 * other line keeps its number.
 */
export function renderModule(snippet, context, kind) {
  const { code: declarations } = contextFor(snippet, context);
  if (kind === "esm") return `${declarations}\n${snippet.code}\n`;
  const source = parse("snippet.ts", snippet.code);
  const lines = snippet.code.split("\n");
  const imports = [];
  for (const statement of source.statements.filter((s) => ts.isImportDeclaration(s))) {
    imports.push(statement.getText().replace(/\s*\n\s*/g, " "));
    const first = source.getLineAndCharacterOfPosition(statement.getStart()).line;
    const last = source.getLineAndCharacterOfPosition(statement.getEnd()).line;
    for (let line = first; line <= last; line++) lines[line] = "";
  }
  return `${declarations} ${imports.join(" ")} export async function snippet(): Promise<void> {\n${lines.join("\n")}\n}\n`;
}

/** `{ files, snippets, problems }` of every Markdown file (relative names), contexts attached. */
export function collectSnippets(files = snippetFiles(), root = ROOT) {
  const snippets = [];
  const problems = [];
  for (const file of files) {
    const extracted = extractSnippets(file, readFileSync(path.join(root, file), "utf8"));
    problems.push(...extracted.problems);
    for (const snippet of extracted.snippets) snippets.push({ ...snippet, context: extracted.context });
  }
  snippets.forEach((snippet, index) => (snippet.id = `s${String(index).padStart(3, "0")}`));
  return { files, snippets, problems };
}

/** The compiler options of both programs: what a strict user project on Node has. */
const compilerOptions = (module) => ({ strict: true, noEmit: true, skipLibCheck: true, target: "ES2022", lib: ["ESNext", "DOM", "DOM.Iterable"], module, moduleResolution: module, types: ["node"] });

/**
 * Type-checks every snippet not marked `no-check`, as ESM (.mts) and as CJS (.cts), in one tsc
 * program per kind. Resolves with `{ checked, errors }`; an error: `{ file, line, kind, message }`
 * with the line of the Markdown file.
 */
export async function typeCheckSnippets(snippets, { work = WORK } = {}) {
  const checked = snippets.filter((s) => s.flag !== "no-check");
  const errors = [];
  const dir = path.join(work, "types");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const byFile = new Map();
  for (const snippet of checked) {
    for (const [kind, ext] of [["esm", "mts"], ["cjs", "cts"]]) {
      const name = `${snippet.id}.${ext}`;
      writeFileSync(path.join(dir, name), renderModule(snippet, snippet.context, kind));
      byFile.set(name, { snippet, kind });
    }
  }
  await Promise.all(
    [["esm", "nodenext", "mts"], ["cjs", "nodenext", "cts"]].map(async ([kind, module, ext]) => {
      const project = path.join(dir, `tsconfig.${kind}.json`);
      writeFileSync(project, JSON.stringify({ compilerOptions: compilerOptions(module), files: checked.map((s) => `${s.id}.${ext}`) }, null, 2));
      const output = await runTsc(project, dir);
      for (const line of output.split("\n")) {
        const match = /^(s\d+\.[mc]ts)\((\d+),(\d+)\): error (TS\d+: .*)$/.exec(line.trim());
        if (match && byFile.has(match[1])) {
          const { snippet } = byFile.get(match[1]);
          errors.push({ file: snippet.file, line: snippet.line + Math.max(0, Number(match[2]) - 2), kind, message: match[4] });
        } else if (/error TS\d+/.test(line)) errors.push({ file: path.relative(ROOT, dir), line: 0, kind, message: line.trim() });
      }
    }),
  );
  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.kind.localeCompare(b.kind));
  return { checked, errors };
}

async function runTsc(project, cwd) {
  try {
    await promisify(execFile)(process.execPath, [TSC, "-p", project, "--pretty", "false"], { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
    return "";
  } catch (error) {
    if (error.killed || error.stdout === undefined) throw error;
    return `${error.stdout}${error.stderr}`;
  }
}

/** One line per error: `file:line (esm|cjs): TSxxxx: message`. */
export const formatError = (error) => `${error.file}:${error.line} (${error.kind}): ${error.message}`;
