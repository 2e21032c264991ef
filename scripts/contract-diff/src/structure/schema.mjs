// The structural diff of two JSON Schemas (OpenAPI 3.0 and 3.1 forms): what differs, never what it
// means. Each difference carries the direction it was met in (request: the client sends it;
// response: the client receives it) and the part (param, body, header); the checks decide the rule
// and level. $refs are followed, and a difference inside a component is reported at the
// component's own pointer, so a shared schema is judged in every direction it is used in.
//
// Before comparing, equivalent forms are made one: the three nullable forms, an `allOf` whose other
// branches are annotations only, a `oneOf`/`anyOf` of single values (`const` or one-value `enum`)
// and the `enum` of those values, and patterns that match everything (`""`, `.*`, `^.*$`).
import { escapePointer, resolvePointer } from "../load.mjs";

export const MAX_KEYS = ["maximum", "maxLength", "maxItems", "maxProperties", "maxContains"];
export const MIN_KEYS = ["minimum", "minLength", "minItems", "minProperties", "minContains"];
const DOC_KEYS = ["description", "title", "example", "examples"];
// Keywords that change no accepted value (or are compared elsewhere): never "unmodelled".
const ANNOTATIONS = new Set([...DOC_KEYS, "default", "deprecated", "readOnly", "writeOnly", "xml", "externalDocs", "$comment", "$schema", "$id", "$anchor", "$dynamicAnchor", "$defs", "definitions", "$ref", "nullable", "discriminator", "x-sunset"]);
const MODELLED = new Set([
  "type", "format", "enum", "const", "pattern", "properties", "required", "items", "additionalProperties", "oneOf", "anyOf", "allOf", "not",
  ...MAX_KEYS, ...MIN_KEYS, "exclusiveMaximum", "exclusiveMinimum", "multipleOf", "uniqueItems", "x-extensible-enum",
  "contains", "dependentRequired", "dependentSchemas", "unevaluatedItems", "unevaluatedProperties", "prefixItems", "propertyNames", "patternProperties",
  "if", "then", "else", "contentMediaType", "contentEncoding", "contentSchema",
]);
const TRIVIAL_PATTERNS = new Set(["", ".*", "^.*$", "^.*", ".*$", "[\\s\\S]*", "^[\\s\\S]*$"]);

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

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const onlyAnnotations = (schema) => isObject(schema) && !("$ref" in schema) && Object.keys(schema).every((k) => DOC_KEYS.includes(k) || k.startsWith("x-"));
const singleValue = (branch) => {
  if (!isObject(branch) || "$ref" in branch) return undefined;
  const keys = Object.keys(branch).filter((k) => !DOC_KEYS.includes(k) && k !== "type" && !k.startsWith("x-"));
  if (keys.length !== 1) return undefined;
  if (keys[0] === "const") return { value: branch.const };
  if (keys[0] === "enum" && Array.isArray(branch.enum) && branch.enum.length === 1) return { value: branch.enum[0] };
  return undefined;
};

/**
 * One schema in its normal form (memoised): follows an annotation-only `allOf` to its one real
 * branch, turns a oneOf/anyOf of single values into an enum, drops trivial patterns.
 */
function normalise(doc, node, pointer) {
  let { schema, pointer: at } = deref(doc, node, pointer);
  for (let hops = 0; hops < 10 && Array.isArray(schema.allOf); hops++) {
    const real = schema.allOf.filter((b) => !onlyAnnotations(b));
    const outerConstraints = Object.keys(schema).filter((k) => k !== "allOf" && !DOC_KEYS.includes(k) && !k.startsWith("x-"));
    if (real.length !== 1 || outerConstraints.length) break;
    const inner = deref(doc, real[0], `${at}/allOf/${schema.allOf.indexOf(real[0])}`);
    const annotations = Object.assign({}, ...schema.allOf.filter(onlyAnnotations).map((b) => pick(b, DOC_KEYS)), pick(schema, DOC_KEYS));
    schema = { ...inner.schema, ...annotations };
    at = inner.pointer;
  }
  // A oneOf/anyOf of one schema and {type: "null"} is that schema, nullable (oasdiff reads it so too).
  for (const keyword of ["oneOf", "anyOf"]) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const real = branches.filter((b) => !isNullBranch(b));
    const outerConstraints = Object.keys(schema).filter((k) => k !== keyword && !DOC_KEYS.includes(k) && !k.startsWith("x-"));
    if (real.length === 1 && real.length < branches.length && !outerConstraints.length) {
      const inner = deref(doc, real[0], `${at}/${keyword}/${branches.indexOf(real[0])}`);
      schema = { ...inner.schema, ...pick(schema, DOC_KEYS), nullable: true };
      at = inner.pointer;
    }
  }
  for (const keyword of ["oneOf", "anyOf"]) {
    const branches = schema[keyword];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const values = branches.map(singleValue);
    if (values.some((v) => !v)) continue;
    const types = [...new Set(branches.map((b) => b.type).filter(Boolean))];
    const rest = { ...schema };
    delete rest[keyword];
    schema = { ...rest, ...(types.length === 1 && !rest.type ? { type: types[0] } : {}), enum: values.map((v) => v.value) };
  }
  if (typeof schema.pattern === "string" && TRIVIAL_PATTERNS.has(schema.pattern)) {
    schema = { ...schema };
    delete schema.pattern;
  }
  return { schema, pointer: at };
}
const pick = (o, keys) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
const isNullBranch = (b) => isObject(b) && b.type === "null" && Object.keys(b).every((k) => k === "type" || DOC_KEYS.includes(k));

export function typeSet(schema) {
  const types = new Set(Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);
  const nullable = schema.nullable === true || types.has("null") || (Array.isArray(schema.enum) && schema.enum.includes(null)) || nullBranch(schema);
  types.delete("null");
  return { types, nullable };
}
const nullBranch = (schema) => ["oneOf", "anyOf"].some((k) => Array.isArray(schema[k]) && schema[k].some(isNullBranch));

/** Does `wide` accept every value of `narrow`? (empty = any type). integer ⊂ number. */
export function typesCover(wide, narrow) {
  if (wide.size === 0) return true;
  if (narrow.size === 0) return false;
  for (const t of narrow) if (!wide.has(t) && !(t === "integer" && wide.has("number"))) return false;
  return true;
}

/** Deep equality that answers false as soon as it meets a $ref (whose targets may differ). */
export function sameWithoutRefs(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if ("$ref" in a || "$ref" in b) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!(key in b) || !sameWithoutRefs(a[key], b[key])) return false;
  return true;
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function enumOf(schema) {
  if (Array.isArray(schema.enum)) return schema.enum.filter((v) => v !== null);
  if (schema.const !== undefined) return [schema.const];
  return undefined;
}

/**
 * @param {(difference: object) => void} emit receives every difference
 * @param {{ baseDoc: object, headDoc: object, direction: "request"|"response", part: "param"|"body"|"header",
 *   operation: string|null, visited?: Set<string> }} ctx
 */
export function diffSchema(emit, baseNode, headNode, pointer, ctx) {
  if (sameWithoutRefs(baseNode, headNode)) return;
  const visited = ctx.visited ?? new Set();
  const base = normalise(ctx.baseDoc, baseNode, pointer);
  const head = normalise(ctx.headDoc, headNode, pointer);
  const at = head.pointer;
  const key = `${base.pointer}|${head.pointer}|${ctx.direction}|${ctx.part}`;
  if (visited.has(key)) return;
  visited.add(key);
  const next = { ...ctx, visited };
  const b = base.schema;
  const h = head.schema;
  if (b === h) return;
  const out = (what, data = {}) => emit({ what, operation: ctx.operation, pointer: at, direction: ctx.direction, part: ctx.part, ...data });

  const bt = typeSet(b);
  const ht = typeSet(h);
  if (bt.types.size !== ht.types.size || [...bt.types].some((t) => !ht.types.has(t))) {
    out("type-changed", { from: [...bt.types], to: [...ht.types], wider: typesCover(ht.types, bt.types), narrower: typesCover(bt.types, ht.types) });
  }
  if (bt.nullable !== ht.nullable) out("nullable-changed", { nullable: ht.nullable });
  if (b.format !== h.format) out("format-changed", { from: b.format, to: h.format });
  diffEnum(b, h, out);
  diffLimits(b, h, out);
  diffApplicators(b, h, at, next, emit, out);
  if (DOC_KEYS.some((k) => !same(b[k], h[k]))) out("docs-changed");
  if (!same(b.discriminator ?? null, h.discriminator ?? null)) out("discriminator-changed", { from: b.discriminator, to: h.discriminator });
  if (Boolean(b.deprecated) !== Boolean(h.deprecated) || (h.deprecated && !same(b["x-sunset"], h["x-sunset"]))) {
    const name = at.startsWith("#/components/schemas/") || /\/properties\/[^/]+$/.test(at) ? at.split("/").pop().replaceAll("~1", "/").replaceAll("~0", "~") : "schema";
    out("deprecation-changed", { target: "schema", subject: `${/\/properties\//.test(at) ? "property" : "schema"} ${name}`, from: Boolean(b.deprecated), to: Boolean(h.deprecated), baseSunset: b["x-sunset"], sunset: h["x-sunset"], sunsetPointer: `${at}/x-sunset` });
  }
  for (const keyword of new Set([...Object.keys(b), ...Object.keys(h)])) {
    if (MODELLED.has(keyword) || ANNOTATIONS.has(keyword) || keyword.startsWith("x-")) continue;
    if (!same(b[keyword], h[keyword])) out("keyword-unmodelled", { keyword, from: b[keyword], to: h[keyword] });
  }

  diffCombinator("oneOf", b, h, at, next, emit, out);
  diffCombinator("anyOf", b, h, at, next, emit, out);
  diffAllOf(b, h, at, next, emit, out);
  diffProperties(b, h, at, next, emit);
  const sub = (keyword) => {
    if (isObject(b[keyword]) && isObject(h[keyword])) diffSchema(emit, b[keyword], h[keyword], `${at}/${keyword}`, next);
  };
  ["items", "additionalProperties", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema", "then", "else"].forEach(sub);
  for (const keyword of ["prefixItems"]) {
    if (!Array.isArray(b[keyword]) || !Array.isArray(h[keyword])) continue;
    h[keyword].forEach((s, i) => i < b[keyword].length && diffSchema(emit, b[keyword][i], s, `${at}/${keyword}/${i}`, next));
  }
  for (const keyword of ["patternProperties", "dependentSchemas"]) {
    if (!isObject(b[keyword]) || !isObject(h[keyword])) continue;
    for (const k of Object.keys(h[keyword])) if (k in b[keyword]) diffSchema(emit, b[keyword][k], h[keyword][k], `${at}/${keyword}/${escapePointer(k)}`, next);
  }
}

function diffEnum(b, h, out) {
  const be = enumOf(b);
  const he = enumOf(h);
  const bx = Array.isArray(b["x-extensible-enum"]) ? b["x-extensible-enum"] : undefined;
  const hx = Array.isArray(h["x-extensible-enum"]) ? h["x-extensible-enum"] : undefined;
  const key = (v) => JSON.stringify(v);
  const minus = (x, y) => x.filter((v) => !y.some((w) => key(w) === key(v)));
  if (be || he) {
    if (!be) out("enum-changed", { became: "enum", values: he, removed: [], added: [] });
    else if (!he) {
      if (!hx) out("enum-changed", { became: "open", removed: [], added: [] });
    } else {
      const removed = minus(be, he);
      const added = minus(he, be);
      if (removed.length || added.length) out("enum-changed", { removed, added, extensible: Boolean(hx) });
    }
  }
  if (bx && hx) {
    const removed = minus(bx, hx);
    const added = minus(hx, bx);
    if (removed.length || added.length) out("enum-changed", { removed, added, extensible: true });
  }
}

function diffLimits(b, h, out) {
  const limit = (keyword, tighter, first) => out("limit-changed", { keyword, from: b[keyword], to: h[keyword], tighter, first });
  for (const k of MAX_KEYS) {
    if (b[k] === h[k]) continue;
    if (b[k] === undefined) limit(k, true, true);
    else if (h[k] === undefined) limit(k, false, false);
    else limit(k, h[k] < b[k], false);
  }
  for (const k of MIN_KEYS) {
    if (b[k] === h[k]) continue;
    if (b[k] === undefined) limit(k, true, true);
    else if (h[k] === undefined) limit(k, false, false);
    else limit(k, h[k] > b[k], false);
  }
  for (const k of ["exclusiveMaximum", "exclusiveMinimum"]) {
    if (b[k] === h[k]) continue;
    if (typeof b[k] === "number" || typeof h[k] === "number") {
      const isMax = k === "exclusiveMaximum";
      if (typeof b[k] !== "number") limit(k, true, true);
      else if (typeof h[k] !== "number") limit(k, false, false);
      else limit(k, isMax ? h[k] < b[k] : h[k] > b[k], false);
    } else limit(k, h[k] === true, false);
  }
  if (b.multipleOf !== h.multipleOf) {
    const divides = b.multipleOf !== undefined && h.multipleOf !== undefined && Number.isInteger(h.multipleOf / b.multipleOf);
    limit("multipleOf", h.multipleOf !== undefined && (b.multipleOf === undefined || divides), b.multipleOf === undefined);
  }
  if (b.pattern !== h.pattern) out("pattern-changed", { from: b.pattern, to: h.pattern });
  if (Boolean(b.uniqueItems) !== Boolean(h.uniqueItems)) limit("uniqueItems", Boolean(h.uniqueItems), false);
}

/** JSON Schema applicators and content keywords: added = tighter, removed = looser, changed = per keyword. */
function diffApplicators(b, h, at, ctx, emit, out) {
  const change = (keyword, effect, data = {}) => out("keyword-changed", { keyword, effect, from: b[keyword], to: h[keyword], ...data });
  const presence = (keyword) => {
    const inB = b[keyword] !== undefined && b[keyword] !== true;
    const inH = h[keyword] !== undefined && h[keyword] !== true;
    if (inB !== inH) change(keyword, inH ? "tighter" : "looser");
    return inB && inH;
  };
  const closed = (s) => s.additionalProperties === false;
  if (closed(b) !== closed(h)) change("additionalProperties", closed(h) ? "tighter" : "looser");
  for (const keyword of ["contains", "propertyNames", "contentSchema", "unevaluatedItems", "unevaluatedProperties", "then", "else"]) presence(keyword);
  for (const keyword of ["if", "not"]) {
    if (presence(keyword) && !sameWithoutRefs(b[keyword], h[keyword])) change(keyword, "unknown");
  }
  for (const keyword of ["contentMediaType", "contentEncoding"]) if (b[keyword] !== h[keyword]) change(keyword, "unknown");
  // prefixItems: a longer tuple constrains more positions.
  const bp = b.prefixItems?.length ?? 0;
  const hp = h.prefixItems?.length ?? 0;
  if (bp !== hp) change("prefixItems", hp > bp ? "tighter" : "looser");
  // Keyed keywords: a new key constrains more, a removed key less.
  for (const keyword of ["patternProperties", "dependentSchemas", "dependentRequired"]) {
    const bk = isObject(b[keyword]) ? b[keyword] : {};
    const hk = isObject(h[keyword]) ? h[keyword] : {};
    const added = Object.keys(hk).filter((k) => !(k in bk));
    const removed = Object.keys(bk).filter((k) => !(k in hk));
    if (added.length) change(keyword, "tighter", { keys: added });
    if (removed.length) change(keyword, "looser", { keys: removed });
    if (keyword === "dependentRequired") {
      for (const k of Object.keys(hk).filter((x) => x in bk)) {
        const more = (hk[k] ?? []).filter((p) => !(bk[k] ?? []).includes(p));
        const fewer = (bk[k] ?? []).filter((p) => !(hk[k] ?? []).includes(p));
        if (more.length) change(keyword, "tighter", { keys: [k], properties: more });
        if (fewer.length) change(keyword, "looser", { keys: [k], properties: fewer });
      }
    }
  }
}

/** Branch identity: its $ref target when it has one, else its position. */
const branchKey = (branch, index) => (branch && typeof branch.$ref === "string" ? branch.$ref.split("/").pop() : `#${index}`);

function diffCombinator(keyword, b, h, at, ctx, emit, out) {
  // Null branches are nullability, compared by typeSet().
  const bb = Array.isArray(b[keyword]) ? b[keyword].filter((x) => !isNullBranch(x)) : undefined;
  const hb = Array.isArray(h[keyword]) ? h[keyword].filter((x) => !isNullBranch(x)) : undefined;
  if (!bb && !hb) return;
  if (!bb) return out("combinator-changed", { keyword, change: "wrapped" });
  if (!hb) return out("combinator-changed", { keyword, change: "unwrapped" });
  for (const [bs, hs, k] of pairBranches(bb, hb)) {
    if (!hs) out("combinator-changed", { keyword, change: "removed", branch: k });
    else if (!bs) out("combinator-changed", { keyword, change: "added", branch: k });
    else diffSchema(emit, bs, hs, `${at}/${keyword}/${hb.indexOf(hs)}`, ctx);
  }
}

/**
 * Pairs the branches of two oneOf/anyOf/allOf lists: by $ref target, then the remaining ones in
 * order (an inline branch moved into a component is the same branch). Yields [base, head, key].
 */
function* pairBranches(bb, hb) {
  const headByKey = new Map(hb.map((s, i) => [branchKey(s, i), s]));
  const matchedHead = new Set();
  const unmatchedBase = [];
  for (const [i, s] of bb.entries()) {
    const k = branchKey(s, i);
    const h = headByKey.get(k);
    if (h && !matchedHead.has(h)) {
      matchedHead.add(h);
      yield [s, h, k];
    } else unmatchedBase.push([s, k]);
  }
  const unmatchedHead = hb.map((s, i) => [s, branchKey(s, i)]).filter(([s]) => !matchedHead.has(s));
  const isRef = (s) => s && typeof s.$ref === "string";
  for (let i = 0; i < Math.max(unmatchedBase.length, unmatchedHead.length); i++) {
    const [bs, bk] = unmatchedBase[i] ?? [];
    const [hs, hk] = unmatchedHead[i] ?? [];
    // Two different components are two different branches (two types in the SDK), even if alike.
    if (bs && hs && isRef(bs) && isRef(hs)) {
      yield [bs, undefined, bk];
      yield [undefined, hs, hk];
    } else yield [bs, hs, bs ? bk : hk];
  }
}

function diffAllOf(b, h, at, ctx, emit, out) {
  const bb = Array.isArray(b.allOf) ? b.allOf : [];
  const hb = Array.isArray(h.allOf) ? h.allOf : [];
  if (!bb.length && !hb.length) return;
  for (const [bs, hs, k] of pairBranches(bb.filter((s) => !onlyAnnotations(s)), hb.filter((s) => !onlyAnnotations(s)))) {
    if (!hs) out("combinator-changed", { keyword: "allOf", change: "removed", branch: k });
    else if (!bs) out("combinator-changed", { keyword: "allOf", change: "added", branch: k });
    else diffSchema(emit, bs, hs, `${at}/allOf/${hb.indexOf(hs)}`, ctx);
  }
}

function diffProperties(b, h, at, ctx, emit) {
  if (!isObject(b.properties) && !isObject(h.properties)) return;
  const bp = isObject(b.properties) ? b.properties : {};
  const hp = isObject(h.properties) ? h.properties : {};
  const br = new Set(Array.isArray(b.required) ? b.required : []);
  const hr = new Set(Array.isArray(h.required) ? h.required : []);
  const isRequest = ctx.direction === "request";
  const prop = (doc, node, pointer) => deref(doc, node, pointer).schema;
  // readOnly properties are never sent, writeOnly ones never received.
  const irrelevant = (s) => (isRequest ? s.readOnly === true : s.writeOnly === true);
  const out = (what, pointer, data) => emit({ what, operation: ctx.operation, pointer, direction: ctx.direction, part: ctx.part, ...data });
  for (const name of Object.keys(bp)) {
    const pointer = `${at}/properties/${escapePointer(name)}`;
    const bs = prop(ctx.baseDoc, bp[name], pointer);
    if (!(name in hp)) {
      if (!irrelevant(bs)) out("property-removed", pointer, { name, required: br.has(name), deprecated: bs.deprecated === true, sunset: bs["x-sunset"] });
      continue;
    }
    const hs = prop(ctx.headDoc, hp[name], pointer);
    if (irrelevant(bs) !== irrelevant(hs)) out("property-visibility-changed", pointer, { name, visible: !irrelevant(hs), required: hr.has(name) });
    else if (!irrelevant(hs) && br.has(name) !== hr.has(name)) out("property-required-changed", pointer, { name, required: hr.has(name) });
    diffSchema(emit, bp[name], hp[name], pointer, ctx);
  }
  for (const name of Object.keys(hp)) {
    if (name in bp) continue;
    const pointer = `${at}/properties/${escapePointer(name)}`;
    if (irrelevant(prop(ctx.headDoc, hp[name], pointer))) continue;
    out("property-added", pointer, { name, required: hr.has(name) });
  }
}
