// Direction-aware comparison of two JSON Schemas (OpenAPI 3.0 and 3.1 forms).
//
// The same edit means opposite things by direction: a new enum value in a request is additive (the
// client may now send more), in a response it breaks exhaustive handling (the client may now
// receive something it does not know). `ctx.direction` is "request" or "response"; `ctx.kind`
// is "param" (rule ids param-*) or "body" (request-*/response-*). $refs are followed, and a change
// inside a component is reported at the component's own pointer, so a shared schema is judged in
// every direction it is used in and each finding is reported once.
import { escapePointer, resolvePointer } from "./load.mjs";

const MAX_KEYS = ["maximum", "maxLength", "maxItems", "maxProperties"];
const MIN_KEYS = ["minimum", "minLength", "minItems", "minProperties"];
const DOC_KEYS = ["description", "title", "example", "examples"];

/** Follows $refs; returns the schema and, when it came from a $ref, the pointer it lives at. */
export function deref(doc, node, pointer) {
  let current = node;
  let at = pointer;
  for (let hops = 0; current && typeof current === "object" && typeof current.$ref === "string" && hops < 50; hops++) {
    at = current.$ref;
    current = resolvePointer(doc, current.$ref);
  }
  return { schema: current ?? {}, pointer: at };
}

function typeSet(schema) {
  const types = new Set(Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);
  const nullable = schema.nullable === true || types.has("null") || (schema.enum ?? []).includes(null);
  types.delete("null");
  return { types, nullable };
}

/** Does `wide` accept every value of `narrow`? (undefined = any type). integer ⊂ number. */
function typesCover(wide, narrow) {
  if (wide.size === 0) return true;
  if (narrow.size === 0) return false;
  for (const t of narrow) if (!wide.has(t) && !(t === "integer" && wide.has("number"))) return false;
  return true;
}

const ruleIds = {
  request: {
    param: { narrowed: "param-type-narrowed", widened: "request-type-widened", enumNarrowed: "param-enum-narrowed", enumWidened: "request-enum-widened", tightened: "param-constraint-tightened", loosened: "request-constraint-loosened" },
    body: { narrowed: "request-type-narrowed", widened: "request-type-widened", enumNarrowed: "request-enum-narrowed", enumWidened: "request-enum-widened", tightened: "request-constraint-tightened", loosened: "request-constraint-loosened" },
  },
  response: { narrowed: "response-type-narrowed", widened: "response-type-widened", enumNarrowed: "response-enum-narrowed", enumWidened: "response-enum-widened", tightened: "response-constraint-tightened", loosened: "response-constraint-loosened" },
};

/** Rule for an edit that makes the accepted set smaller ("narrower") or larger ("wider"). */
function rule(ctx, what) {
  return ctx.direction === "request" ? ruleIds.request[ctx.kind][what] : ruleIds.response[what];
}

/**
 * @param {import("./collector.mjs").Collector} out
 * @param {{ baseDoc: object, headDoc: object, direction: "request"|"response", kind: "param"|"body",
 *   operation: string|null, visited?: Set<string> }} ctx
 */
export function diffSchema(out, baseNode, headNode, pointer, ctx) {
  // Identical subtrees without references cannot differ: skip them (most of a large spec).
  if (sameWithoutRefs(baseNode, headNode)) return;
  const visited = ctx.visited ?? new Set();
  const base = deref(ctx.baseDoc, baseNode, pointer);
  const head = deref(ctx.headDoc, headNode, pointer);
  const at = head.pointer;
  const key = `${base.pointer}|${head.pointer}|${ctx.direction}|${ctx.kind}`;
  if (visited.has(key)) return;
  visited.add(key);
  const next = { ...ctx, visited };
  const b = base.schema;
  const h = head.schema;
  const emit = (ruleId, message, extra = {}) => out.add(ruleId, { operation: ctx.operation, pointer: at, message, ...extra });
  const isRequest = ctx.direction === "request";

  // Types and nullability.
  const bt = typeSet(b);
  const ht = typeSet(h);
  if (!sameSet(bt.types, ht.types)) {
    const widened = typesCover(ht.types, bt.types);
    const narrowed = typesCover(bt.types, ht.types);
    const desc = `type ${fmtTypes(bt.types)} → ${fmtTypes(ht.types)}`;
    if (isRequest) emit(widened ? rule(ctx, "widened") : rule(ctx, "narrowed"), desc);
    else emit(narrowed ? rule(ctx, "narrowed") : rule(ctx, "widened"), desc);
  }
  if (bt.nullable !== ht.nullable) {
    if (ht.nullable) emit(isRequest ? rule(ctx, "widened") : "response-became-nullable", "became nullable");
    else emit(isRequest ? rule(ctx, "narrowed") : rule(ctx, "narrowed"), "became not nullable");
  }
  if (b.format !== h.format) {
    const desc = `format ${b.format ?? "(none)"} → ${h.format ?? "(none)"}`;
    if (b.format === undefined) emit(isRequest ? rule(ctx, "narrowed") : rule(ctx, "narrowed"), desc);
    else if (h.format === undefined) emit(isRequest ? rule(ctx, "widened") : rule(ctx, "widened"), desc);
    else emit(isRequest ? rule(ctx, "narrowed") : rule(ctx, "widened"), desc);
  }

  diffEnum(b, h, ctx, emit);
  diffConstraints(b, h, ctx, emit);

  if (DOC_KEYS.some((k) => JSON.stringify(b[k]) !== JSON.stringify(h[k]))) emit("docs-changed", "description, title or example changed");

  // Discriminator.
  if (JSON.stringify(b.discriminator ?? null) !== JSON.stringify(h.discriminator ?? null)) {
    emit(isRequest ? "request-discriminator-changed" : "discriminator-changed", `discriminator ${JSON.stringify(b.discriminator ?? null)} → ${JSON.stringify(h.discriminator ?? null)}`);
  }

  diffCombinator("oneOf", b, h, at, next, out, emit);
  diffCombinator("anyOf", b, h, at, next, out, emit);
  diffAllOf(b, h, at, next, out, emit);
  diffProperties(b, h, at, next, out, emit);

  if (b.items || h.items) {
    if (b.items && h.items) diffSchema(out, b.items, h.items, `${at}/items`, next);
  }
  if (isSchemaObject(b.additionalProperties) && isSchemaObject(h.additionalProperties)) {
    diffSchema(out, b.additionalProperties, h.additionalProperties, `${at}/additionalProperties`, next);
  }
}

/** Deep equality that answers false as soon as it meets a $ref (whose targets may differ). */
function sameWithoutRefs(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if ("$ref" in a || "$ref" in b) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!(key in b) || !sameWithoutRefs(a[key], b[key])) return false;
  return true;
}

const isSchemaObject = (v) => v !== null && typeof v === "object";
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const fmtTypes = (s) => (s.size ? [...s].sort().join("|") : "any");

function enumOf(schema) {
  if (Array.isArray(schema.enum)) return schema.enum.filter((v) => v !== null);
  if (schema.const !== undefined) return [schema.const];
  if (Array.isArray(schema["x-extensible-enum"])) return undefined;
  return undefined;
}

function diffEnum(b, h, ctx, emit) {
  const be = enumOf(b);
  const he = enumOf(h);
  const isRequest = ctx.direction === "request";
  if (!be && !he) return;
  const key = (v) => JSON.stringify(v);
  if (!be && he) return emit(rule(ctx, isRequest ? "enumNarrowed" : "enumNarrowed"), `became an enum (${he.map(key).join(", ")})`);
  if (be && !he) {
    if (Array.isArray(h["x-extensible-enum"])) return;
    return emit(rule(ctx, isRequest ? "enumWidened" : "enumWidened"), "enum removed: any value is now allowed");
  }
  const removed = be.filter((v) => !he.some((w) => key(w) === key(v)));
  const added = he.filter((v) => !be.some((w) => key(w) === key(v)));
  if (removed.length) emit(rule(ctx, "enumNarrowed"), `enum value${removed.length > 1 ? "s" : ""} removed: ${removed.map(key).join(", ")}`);
  if (added.length && !(ctx.direction === "response" && Array.isArray(h["x-extensible-enum"]))) {
    emit(rule(ctx, "enumWidened"), `enum value${added.length > 1 ? "s" : ""} added: ${added.map(key).join(", ")}`);
  }
}

function diffConstraints(b, h, ctx, emit) {
  const isRequest = ctx.direction === "request";
  // tighter: the accepted set shrank; first: a limit set where there was none.
  const report = (tighter, first, desc) => {
    if (tighter) {
      // Request: a first-time limit is "warn" (the doc lacked the information), else major.
      if (isRequest) emit(rule(ctx, "tightened"), desc, first ? { level: "warn" } : {});
      else emit(rule(ctx, "tightened"), desc);
    } else {
      emit(rule(ctx, "loosened"), desc);
    }
  };
  for (const k of MAX_KEYS) {
    if (b[k] === h[k]) continue;
    const desc = `${k} ${b[k] ?? "(unset)"} → ${h[k] ?? "(unset)"}`;
    if (b[k] === undefined) report(true, true, desc);
    else if (h[k] === undefined) report(false, false, desc);
    else report(h[k] < b[k], false, desc);
  }
  for (const k of MIN_KEYS) {
    if (b[k] === h[k]) continue;
    const desc = `${k} ${b[k] ?? "(unset)"} → ${h[k] ?? "(unset)"}`;
    if (b[k] === undefined) report(true, true, desc);
    else if (h[k] === undefined) report(false, false, desc);
    else report(h[k] > b[k], false, desc);
  }
  for (const k of ["exclusiveMaximum", "exclusiveMinimum"]) {
    if (b[k] === h[k]) continue;
    const desc = `${k} ${b[k] ?? "(unset)"} → ${h[k] ?? "(unset)"}`;
    if (typeof b[k] === "number" || typeof h[k] === "number") {
      const isMax = k === "exclusiveMaximum";
      if (b[k] === undefined) report(true, true, desc);
      else if (h[k] === undefined) report(false, false, desc);
      else report(isMax ? h[k] < b[k] : h[k] > b[k], false, desc);
    } else report(h[k] === true, false, desc);
  }
  if (b.pattern !== h.pattern) {
    const desc = `pattern ${b.pattern ?? "(unset)"} → ${h.pattern ?? "(unset)"}`;
    if (b.pattern === undefined) report(true, false, desc);
    else if (h.pattern === undefined) report(false, false, desc);
    // A changed pattern cannot be judged without regex analysis: warn in both directions.
    else emit(rule(ctx, isRequest ? "tightened" : "loosened"), desc, { level: "warn" });
  }
  if (Boolean(b.uniqueItems) !== Boolean(h.uniqueItems)) report(Boolean(h.uniqueItems), false, `uniqueItems ${Boolean(b.uniqueItems)} → ${Boolean(h.uniqueItems)}`);
  const closed = (s) => s.additionalProperties === false;
  if (closed(b) !== closed(h)) {
    const desc = `additionalProperties ${closed(b) ? "false" : "allowed"} → ${closed(h) ? "false" : "allowed"}`;
    if (isRequest) report(closed(h), false, desc);
    else emit(closed(h) ? "response-constraint-tightened" : "response-constraint-tightened", desc, { level: "patch" });
  }
}

/** Branch identity: its $ref target when it has one, else its position. */
const branchKey = (branch, index) => (branch && typeof branch.$ref === "string" ? branch.$ref.split("/").pop() : `#${index}`);

function diffCombinator(keyword, b, h, at, ctx, out, emit) {
  const bb = b[keyword];
  const hb = h[keyword];
  const isRequest = ctx.direction === "request";
  if (!bb && !hb) return;
  if (!bb && hb) return emit(isRequest ? rule(ctx, "narrowed") : rule(ctx, "widened"), `wrapped in ${keyword}`);
  if (bb && !hb) return emit(isRequest ? rule(ctx, "widened") : rule(ctx, "narrowed"), `${keyword} removed`);
  const baseKeys = new Map(bb.map((s, i) => [branchKey(s, i), s]));
  const headKeys = new Map(hb.map((s, i) => [branchKey(s, i), s]));
  for (const [k, s] of baseKeys) {
    if (!headKeys.has(k)) emit(isRequest ? rule(ctx, "narrowed") : rule(ctx, "narrowed"), `${keyword} branch ${k} removed`);
    else diffSchema(out, s, headKeys.get(k), `${at}/${keyword}/${hb.indexOf(headKeys.get(k))}`, ctx);
  }
  for (const k of headKeys.keys()) if (!baseKeys.has(k)) emit(isRequest ? rule(ctx, "widened") : rule(ctx, "widened"), `${keyword} branch ${k} added`);
}

function diffAllOf(b, h, at, ctx, out, emit) {
  const bb = b.allOf ?? [];
  const hb = h.allOf ?? [];
  if (!bb.length && !hb.length) return;
  const isRequest = ctx.direction === "request";
  const baseKeys = new Map(bb.map((s, i) => [branchKey(s, i), s]));
  const headKeys = new Map(hb.map((s, i) => [branchKey(s, i), s]));
  for (const [k, s] of baseKeys) {
    if (!headKeys.has(k)) emit(isRequest ? rule(ctx, "widened") : rule(ctx, "widened"), `allOf branch ${k} removed`);
    else diffSchema(out, s, headKeys.get(k), `${at}/allOf/${hb.indexOf(headKeys.get(k))}`, ctx);
  }
  for (const k of headKeys.keys()) if (!baseKeys.has(k)) emit(isRequest ? rule(ctx, "narrowed") : rule(ctx, "narrowed"), `allOf branch ${k} added`);
}

function diffProperties(b, h, at, ctx, out, emit) {
  const bp = b.properties ?? {};
  const hp = h.properties ?? {};
  if (!b.properties && !h.properties) return;
  const br = new Set(b.required ?? []);
  const hr = new Set(h.required ?? []);
  const isRequest = ctx.direction === "request";
  const prop = (schemaDoc, node, pointer) => deref(schemaDoc, node, pointer).schema;
  // readOnly properties are never sent, writeOnly ones never received.
  const irrelevant = (s) => (isRequest ? s.readOnly === true : s.writeOnly === true);
  for (const name of Object.keys(bp)) {
    const pointer = `${at}/properties/${escapePointer(name)}`;
    const bs = prop(ctx.baseDoc, bp[name], pointer);
    if (!(name in hp)) {
      if (irrelevant(bs)) continue;
      out.add(isRequest ? "request-property-removed" : "response-property-removed", { operation: ctx.operation, pointer, message: `property "${name}" removed` });
      continue;
    }
    const hs = prop(ctx.headDoc, hp[name], pointer);
    if (!irrelevant(hs) && br.has(name) !== hr.has(name)) {
      const nowRequired = hr.has(name);
      const id = isRequest ? (nowRequired ? "request-property-became-required" : "request-property-became-optional") : nowRequired ? "response-property-became-required" : "response-property-became-optional";
      out.add(id, { operation: ctx.operation, pointer, message: `property "${name}" became ${nowRequired ? "required" : "optional"}` });
    }
    diffSchema(out, bp[name], hp[name], pointer, ctx);
  }
  for (const name of Object.keys(hp)) {
    if (name in bp) continue;
    const pointer = `${at}/properties/${escapePointer(name)}`;
    const hs = prop(ctx.headDoc, hp[name], pointer);
    if (irrelevant(hs)) continue;
    const id = isRequest ? (hr.has(name) ? "request-property-added-required" : "request-property-added-optional") : "response-property-added";
    out.add(id, { operation: ctx.operation, pointer, message: `property "${name}" added${isRequest && hr.has(name) ? " as required" : ""}` });
  }
}
