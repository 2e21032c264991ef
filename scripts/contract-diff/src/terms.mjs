// Speaks of a change in the package's terms, for changelogs: the SDK method (typescript-fetch API
// class and method), the helper methods that call the operation, and the model and field a schema
// pointer names. A change inside a shared component is listed under every operation that uses it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { resolvePointer } from "./load.mjs";
import { operationsOf } from "./structure/document.mjs";
import { sdkClassName, sdkMethodName } from "./structure/names.mjs";

const unescape = (s) => s.replaceAll("~1", "/").replaceAll("~0", "~");

/** `#/components/schemas/Item/properties/owner/properties/name` → `Item.owner.name`; undefined outside components. */
export function modelField(pointer) {
  const m = /^(?:[^#]*)#\/components\/schemas\/([^/]+)(.*)$/.exec(pointer ?? "");
  if (!m) return undefined;
  const fields = [...m[2].matchAll(/\/properties\/([^/]+)/g)].map((x) => unescape(x[1]));
  return [unescape(m[1]), ...fields].join(".");
}

/** Component schema pointer → labels of the operations that reach it (through any chain of $refs). */
function componentUsers(doc) {
  const users = new Map();
  for (const { label, op, item } of operationsOf(doc).values()) {
    const seen = new Set();
    const visit = (node) => {
      if (!node || typeof node !== "object") return;
      if (typeof node.$ref === "string" && !seen.has(node.$ref)) {
        seen.add(node.$ref);
        const m = /^([^#]*#\/components\/schemas\/[^/]+)/.exec(node.$ref);
        if (m) users.set(m[1], (users.get(m[1]) ?? new Set()).add(label));
        visit(resolvePointer(doc, node.$ref));
      }
      for (const key in node) if (key !== "$ref") visit(node[key]);
    };
    visit(op);
    visit(item.parameters);
  }
  return users;
}

/**
 * Helper methods per operation, found in the package's hand-written source: the method or property
 * whose body calls the operation, by path (`api.http.<METHOD>("<path>"`, openapi-fetch; keyed
 * "METHOD /path") or by operationId (`api.op("<operationId>"`, `op(…)`, `call(…)`, `run(…)`; keyed
 * "op:<operationId>"). Best effort: an operation whose helper cannot be found is described by its
 * SDK method only.
 */
export function helperMethods(root, vendor) {
  const dir = path.join(root, "packages", vendor ?? "", "src");
  const helpers = new Map();
  if (!vendor || !existsSync(dir)) return helpers;
  const definition = /^\s*(?:(?:export\s+)?(?:const|let|function)\s+)?(?:async\s+)?([A-Za-z_$][\w$]*)\s*(?:\(|[:=]\s*(?:async\s*)?\()/;
  const indent = (line) => /^\s*/.exec(line)[0].length;
  // Not a helper's name: keywords (an anonymous `async () =>` reads as a call of "async"), the
  // transport's own functions, and the factory (a call in its set-up, a token cache's fetch say,
  // belongs to no one method).
  const NOT_NAMES = new Set(["if", "for", "while", "switch", "return", "catch", "await", "async", "function", "op", "call", "run"]);
  const isFactory = (name) => /^create\w*Client$/.test(name);
  for (const file of readdirSync(dir).filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))) {
    const lines = readFileSync(path.join(dir, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      const calls = [
        ...[...line.matchAll(/api\.http\.(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE)\(\s*"([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`),
        ...[...line.matchAll(/\b(?:op|call|run)\(\s*"([A-Za-z_][\w.-]*)"/g)].map((m) => `op:${m[1]}`),
      ];
      for (const key of calls) {
        // The enclosing method: a definition on the same line, else the nearest line above that is
        // less indented and defines something (locals of the method are as indented as the call).
        let name = definition.exec(line)?.[1];
        for (let j = i - 1, level = indent(line); (!name || NOT_NAMES.has(name)) && j >= 0 && level > 0; j--) {
          if (lines[j].trim() === "" || indent(lines[j]) >= level) continue;
          level = indent(lines[j]);
          name = definition.exec(lines[j])?.[1];
        }
        if (!name || NOT_NAMES.has(name) || isFactory(name)) continue;
        helpers.set(key, [...new Set([...(helpers.get(key) ?? []), name])]);
      }
    });
  }
  return helpers;
}

/**
 * @param {{ baseDoc: object, headDoc: object, helpers?: Map<string, string[]> }} context
 * @returns {(change: object) => { operations: string[], subject?: string }} the affected operations,
 *   each in package terms, and the model/field the change is about
 */
export function describer({ baseDoc, headDoc, helpers = new Map() }) {
  const ops = new Map([...operationsOf(baseDoc).values(), ...operationsOf(headDoc).values()].map((o) => [o.label, o]));
  const users = [componentUsers(headDoc), componentUsers(baseDoc)];
  const describeOperation = (label) => {
    const o = ops.get(label);
    if (!o || o.webhook) return `\`${label}\``;
    const sdk = `\`${sdkClassName(o.op.tags?.[0])}.${sdkMethodName(o.op.operationId) ?? "(unnamed)"}()\``;
    const helper = [...new Set([...(helpers.get(label) ?? []), ...(helpers.get(`op:${o.op.operationId}`) ?? [])])];
    return `${sdk}${helper?.length ? ` (helper ${helper.map((h) => `\`${h}()\``).join(", ")})` : ""}, \`${label}\``;
  };
  return (change) => {
    const component = /^([^#]*#\/components\/schemas\/[^/]+)/.exec(change.pointer ?? "")?.[1];
    let labels = change.operation ? [change.operation] : [];
    if (component && change.operation) {
      const using = new Set([...(users[0].get(component) ?? []), ...(users[1].get(component) ?? [])]);
      if (using.size) labels = [...using].sort();
    }
    return { operations: labels.map(describeOperation), subject: modelField(change.pointer) };
  };
}
