// The structural diff of two OpenAPI documents: every difference between them, with where it is
// (operation, pointer, direction) and the facts the checks need, but no judgement. The checks in
// src/checks/ turn differences into findings with a rule, a level and a message.
//
// Endpoints match with path-parameter names ignored (`/a/{id}` ≡ `/a/{x}`; a rename is its own
// difference). Webhooks (3.1) are compared like operations, in the direction their consumer sees
// them: the request a webhook sends is received, its responses are sent.
import { escapePointer, resolvePointer } from "../load.mjs";
import { deref, diffSchema } from "./schema.mjs";
import { sdkClassName, sdkMethodName } from "./names.mjs";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** `/a/{id}/b` → `/a/{}/b`: endpoints match whatever their path variables are called. */
const pathShape = (path) => path.replace(/\{[^}]+\}/g, "{}");
const pathVars = (path) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Every operation of a document (paths and webhooks), keyed so that the same endpoint matches. */
export function operationsOf(doc) {
  const ops = new Map();
  const collect = (container, webhook) => {
    for (const [name, node] of Object.entries(isObject(container) ? container : {})) {
      const item = node?.$ref ? (resolvePointer(doc, node.$ref) ?? {}) : (node ?? {});
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        const key = webhook ? `webhook ${name} ${method}` : `${method} ${pathShape(name)}`;
        const label = webhook ? `webhook ${name} (${method.toUpperCase()})` : `${method.toUpperCase()} ${name}`;
        const pointer = `#/${webhook ? "webhooks" : "paths"}/${escapePointer(name)}/${method}`;
        ops.set(key, { key, method, path: name, item, op, webhook, label, pointer });
      }
    }
  };
  collect(doc.paths, false);
  collect(doc.webhooks, true);
  return ops;
}

/** A valid sunset: an ISO date (YYYY-MM-DD…) or an HTTP-date (RFC 7231). */
export function parseSunset(value) {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== "string") return undefined;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) && !/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * @param {object} baseDoc @param {object} headDoc
 * @param {(difference: object) => void} emit
 */
export function diffStructure(baseDoc, headDoc, emit) {
  const baseOps = operationsOf(baseDoc);
  const headOps = operationsOf(headDoc);
  // One visited set for the whole walk: a shared component is compared once per direction, not once per use.
  const ctx = { baseDoc, headDoc, visited: new Set() };
  for (const [key, h] of headOps) {
    const b = baseOps.get(key);
    if (!b) emit({ what: "operation-added", operation: h.label, pointer: h.pointer, webhook: h.webhook, operationId: h.op.operationId, sdk: sdkNames(h.op) });
    else diffOperation(emit, b, h, ctx);
  }
  for (const [key, b] of baseOps) {
    if (headOps.has(key)) continue;
    emit({ what: "operation-removed", operation: b.label, pointer: b.pointer, webhook: b.webhook, operationId: b.op.operationId, deprecated: b.op.deprecated === true, sunset: b.op["x-sunset"], sdk: sdkNames(b.op) });
  }
  diffSecuritySchemes(emit, baseDoc, headDoc);
  diffServers(emit, baseDoc, headDoc);
  diffComponentSchemas(emit, baseDoc, headDoc);
  diffDocs(emit, baseDoc, headDoc);
}

const sdkNames = (op) => ({ method: sdkMethodName(op.operationId), className: sdkClassName(op.tags?.[0]) });

function diffOperation(emit, b, h, ctx) {
  const operation = h.label;
  const pointer = h.pointer;
  const out = (what, data = {}) => emit({ what, operation, pointer, webhook: h.webhook, ...data });
  if (b.op.operationId !== h.op.operationId) {
    out("operation-id-changed", { pointer: `${pointer}/operationId`, from: b.op.operationId, to: h.op.operationId, fromMethod: sdkMethodName(b.op.operationId), toMethod: sdkMethodName(h.op.operationId) });
  }
  const bTag = b.op.tags?.[0];
  const hTag = h.op.tags?.[0];
  if (bTag !== hTag) out("tag-changed", { pointer: `${pointer}/tags`, from: bTag, to: hTag, fromClass: sdkClassName(bTag), toClass: sdkClassName(hTag) });
  const bDep = b.op.deprecated === true;
  const hDep = h.op.deprecated === true;
  if (bDep !== hDep || (hDep && !same(b.op["x-sunset"], h.op["x-sunset"]))) {
    out("deprecation-changed", { target: "operation", subject: `operation ${h.op.operationId ?? operation}`, from: bDep, to: hDep, baseSunset: b.op["x-sunset"], sunset: h.op["x-sunset"], sunsetPointer: `${pointer}/x-sunset` });
  }
  if (!same(b.op["x-stability-level"], h.op["x-stability-level"])) out("stability-changed", { pointer: `${pointer}/x-stability-level`, from: b.op["x-stability-level"], to: h.op["x-stability-level"] });
  if (b.op.summary !== h.op.summary || b.op.description !== h.op.description) out("docs-changed", { subject: "summary or description" });
  // A webhook's request is what its consumer receives; its responses are what the consumer sends.
  const sent = h.webhook ? "response" : "request";
  const received = h.webhook ? "request" : "response";
  diffSecurity(out, b, h, ctx);
  diffParameters(emit, b, h, ctx);
  diffRequestBody(emit, b.op.requestBody, h.op.requestBody, { ...ctx, direction: sent }, operation, `${pointer}/requestBody`);
  diffResponses(emit, b.op.responses ?? {}, h.op.responses ?? {}, { ...ctx, direction: received }, operation, `${pointer}/responses`);
}

// ---- security ---------------------------------------------------------------------------------

/** The requirement alternatives of an operation: each a Map<scheme, Set<scope>>; an empty one is "no credentials". */
function securityAlternatives(doc, op) {
  const requirements = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
  if (requirements.length === 0) return [new Map()];
  return requirements.map((req) => new Map(Object.entries(req ?? {}).map(([scheme, scopes]) => [scheme, new Set(Array.isArray(scopes) ? scopes : [])])));
}

function diffSecurity(out, b, h, ctx) {
  const before = securityAlternatives(ctx.baseDoc, b.op);
  const after = securityAlternatives(ctx.headDoc, h.op);
  const show = (alt) => (alt.size ? [...alt].map(([s, scopes]) => `${s}${scopes.size ? `[${[...scopes].sort().join(", ")}]` : ""}`).sort().join(" + ") : "(no credentials)");
  if (same(before.map(show).sort(), after.map(show).sort())) return;
  out("security-changed", { pointer: `${h.pointer}/security`, before, after, show });
}

function diffSecuritySchemes(emit, baseDoc, headDoc) {
  const bs = baseDoc.components?.securitySchemes ?? {};
  const hs = headDoc.components?.securitySchemes ?? {};
  const fields = ["type", "in", "name", "scheme", "bearerFormat", "flows", "openIdConnectUrl"];
  for (const [name, scheme] of Object.entries(bs)) {
    const pointer = `#/components/securitySchemes/${escapePointer(name)}`;
    const b = deref(baseDoc, scheme, pointer).schema;
    if (!(name in hs)) {
      emit({ what: "security-scheme-removed", operation: null, pointer, name });
      continue;
    }
    const h = deref(headDoc, hs[name], pointer).schema;
    const changed = fields.filter((f) => !same(b[f], h[f])).map((f) => ({ field: f, from: b[f], to: h[f] }));
    if (changed.length) emit({ what: "security-scheme-changed", operation: null, pointer, name, changed });
    else if (b.description !== h.description) emit({ what: "docs-changed", operation: null, pointer, subject: `security scheme ${name} description` });
  }
  for (const name of Object.keys(hs)) if (!(name in bs)) emit({ what: "security-scheme-added", operation: null, pointer: `#/components/securitySchemes/${escapePointer(name)}`, name });
}

// ---- parameters -------------------------------------------------------------------------------

const DEFAULT_STYLE = { query: "form", cookie: "form", path: "simple", header: "simple" };

function parametersOf(doc, entry) {
  const merged = new Map();
  const collect = (list, base) =>
    (Array.isArray(list) ? list : []).forEach((node, index) => {
      const { schema: param } = deref(doc, node, `${base}/parameters/${index}`);
      if (!isObject(param)) return;
      merged.set(`${param.in}:${param.name}`, { param, pointer: `${base}/parameters/${index}` });
    });
  collect(entry.item.parameters, entry.pointer.slice(0, entry.pointer.lastIndexOf("/")));
  collect(entry.op.parameters, entry.pointer);
  return merged;
}

function serialisation(param) {
  const style = param.style ?? DEFAULT_STYLE[param.in] ?? "form";
  return { style, explode: param.explode ?? style === "form", allowReserved: param.allowReserved ?? false, allowEmptyValue: param.allowEmptyValue ?? false };
}

/** The schema a parameter is described by: `schema`, or the schema of its one `content` entry. */
const paramSchema = (param) => param.schema ?? Object.values(isObject(param.content) ? param.content : {})[0]?.schema ?? {};

function diffParameters(emit, b, h, ctx) {
  const operation = h.label;
  const bp = parametersOf(ctx.baseDoc, b);
  const hp = parametersOf(ctx.headDoc, h);
  const out = (what, pointer, data) => emit({ what, operation, pointer, direction: "request", ...data });

  // Path parameters match by position in the template: a rename keeps the wire but changes the SDK.
  const bVars = pathVars(b.path);
  const renamed = new Map();
  pathVars(h.path).forEach((name, i) => {
    if (bVars[i] !== undefined && bVars[i] !== name) {
      renamed.set(`path:${bVars[i]}`, `path:${name}`);
      out("path-param-renamed", hp.get(`path:${name}`)?.pointer ?? h.pointer, { from: bVars[i], to: name });
    }
  });

  for (const [key, { param: bParam }] of bp) {
    const entry = hp.get(renamed.get(key) ?? key);
    if (!entry) {
      out("param-removed", h.pointer, { param: bParam, deprecated: bParam.deprecated === true, sunset: bParam["x-sunset"] });
      continue;
    }
    const { param: hParam, pointer: at } = entry;
    const subject = `${hParam.in} parameter "${hParam.name}"`;
    const bReq = bParam.required === true || bParam.in === "path";
    const hReq = hParam.required === true || hParam.in === "path";
    if (bReq !== hReq) out("param-required-changed", at, { param: hParam, required: hReq });
    const bs = serialisation(bParam);
    const hs = serialisation(hParam);
    const changed = Object.keys(bs).filter((k) => bs[k] !== hs[k]).map((k) => ({ field: k, from: bs[k], to: hs[k] }));
    const bSchema = deref(ctx.baseDoc, paramSchema(bParam), `${at}/schema`).schema;
    const hSchema = deref(ctx.headDoc, paramSchema(hParam), `${at}/schema`).schema;
    if (changed.length) out("param-serialization-changed", at, { param: hParam, changed, scalar: isScalar(bSchema) && isScalar(hSchema) });
    if (!same(bSchema.default, hSchema.default)) out("param-default-changed", `${at}/schema/default`, { param: hParam, from: bSchema.default, to: hSchema.default });
    const bDep = bParam.deprecated === true;
    const hDep = hParam.deprecated === true;
    if (bDep !== hDep || (hDep && !same(bParam["x-sunset"], hParam["x-sunset"]))) {
      out("deprecation-changed", at, { target: "parameter", subject, from: bDep, to: hDep, baseSunset: bParam["x-sunset"], sunset: hParam["x-sunset"], sunsetPointer: `${at}/x-sunset` });
    }
    if (bParam.description !== hParam.description) out("docs-changed", at, { subject: `${subject} description` });
    diffSchema(emit, paramSchema(bParam), paramSchema(hParam), `${at}/schema`, { ...ctx, direction: "request", part: "param", operation });
  }
  const renamedTargets = new Set(renamed.values());
  for (const [key, { param, pointer: at }] of hp) {
    if (bp.has(key) || renamedTargets.has(key)) continue;
    out("param-added", at, { param, required: param.required === true || param.in === "path" });
  }
}

/** A value with no parts (not an array or object): `explode` makes no difference on the wire. */
const isScalar = (schema) => {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.length > 0 && types.every((t) => !["array", "object"].includes(t)) && !schema.properties && !schema.items;
};

// ---- bodies and responses ---------------------------------------------------------------------

function diffContent(emit, bContent, hContent, ctx, operation, pointer) {
  const direction = ctx.direction;
  for (const [media, bMedia] of Object.entries(isObject(bContent) ? bContent : {})) {
    const at = `${pointer}/content/${escapePointer(media)}`;
    if (!hContent?.[media]) {
      emit({ what: "media-type-removed", operation, pointer: at, direction, media });
      continue;
    }
    const hMedia = hContent[media] ?? {};
    if (!same(bMedia?.example ?? bMedia?.examples, hMedia.example ?? hMedia.examples)) emit({ what: "docs-changed", operation, pointer: at, subject: "example" });
    diffSchema(emit, bMedia?.schema ?? {}, hMedia.schema ?? {}, `${at}/schema`, { ...ctx, part: "body", operation });
  }
  for (const media of Object.keys(isObject(hContent) ? hContent : {})) {
    if (!bContent?.[media]) emit({ what: "media-type-added", operation, pointer: `${pointer}/content/${escapePointer(media)}`, direction, media });
  }
}

function diffRequestBody(emit, bNode, hNode, ctx, operation, pointer) {
  const b = bNode ? deref(ctx.baseDoc, bNode, pointer).schema : undefined;
  const h = hNode ? deref(ctx.headDoc, hNode, pointer).schema : undefined;
  const out = (what, data = {}) => emit({ what, operation, pointer, direction: ctx.direction, ...data });
  if (!b && !h) return;
  if (!b) return out("request-body-added", { required: h.required === true });
  if (!h) return out("request-body-removed");
  if (Boolean(b.required) !== Boolean(h.required)) out("request-body-required-changed", { required: h.required === true });
  if (b.description !== h.description) out("docs-changed", { subject: "request body description" });
  diffContent(emit, b.content, h.content, ctx, operation, pointer);
}

export const isSuccessStatus = (status) => /^2/.test(status);

function diffResponses(emit, bResponses, hResponses, ctx, operation, pointer) {
  if (!isObject(bResponses) || !isObject(hResponses)) return;
  const direction = ctx.direction;
  for (const [status, bNode] of Object.entries(bResponses)) {
    const at = `${pointer}/${escapePointer(status)}`;
    if (!(status in hResponses)) {
      const success = isSuccessStatus(status) || (status === "default" && !Object.keys(bResponses).some(isSuccessStatus));
      emit({ what: "response-removed", operation, pointer: at, direction, status, success });
      continue;
    }
    const b = deref(ctx.baseDoc, bNode, at).schema;
    const h = deref(ctx.headDoc, hResponses[status], at).schema;
    if (b.description !== h.description) emit({ what: "docs-changed", operation, pointer: at, subject: `response ${status} description` });
    diffContent(emit, b.content, h.content, ctx, operation, at);
    diffHeaders(emit, b.headers ?? {}, h.headers ?? {}, ctx, operation, `${at}/headers`);
  }
  for (const status of Object.keys(hResponses)) {
    if (!(status in bResponses)) emit({ what: "response-added", operation, pointer: `${pointer}/${escapePointer(status)}`, direction, status, success: isSuccessStatus(status) });
  }
}

function diffHeaders(emit, bHeaders, hHeaders, ctx, operation, pointer) {
  const direction = ctx.direction;
  const find = (headers, name) => Object.entries(headers).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  for (const [name, bNode] of Object.entries(bHeaders)) {
    const at = `${pointer}/${escapePointer(name)}`;
    const b = deref(ctx.baseDoc, bNode, at).schema;
    const hNode = find(hHeaders, name);
    if (!hNode) {
      emit({ what: "header-removed", operation, pointer: at, direction, name, required: b.required === true });
      continue;
    }
    const h = deref(ctx.headDoc, hNode, at).schema;
    if (Boolean(b.required) !== Boolean(h.required)) emit({ what: "header-required-changed", operation, pointer: at, direction, name, required: h.required === true });
    diffSchema(emit, b.schema ?? {}, h.schema ?? {}, `${at}/schema`, { ...ctx, part: "header", operation });
  }
  for (const name of Object.keys(hHeaders)) {
    if (!find(bHeaders, name)) emit({ what: "header-added", operation, pointer: `${pointer}/${escapePointer(name)}`, direction, name });
  }
}

// ---- document surface -------------------------------------------------------------------------

function diffServers(emit, baseDoc, headDoc) {
  const urls = (doc) => (Array.isArray(doc.servers) ? doc.servers : []).map((s) => s?.url);
  const b = urls(baseDoc);
  const h = urls(headDoc);
  if (b[0] !== h[0]) emit({ what: "server-default-changed", operation: null, pointer: "#/servers/0", from: b[0], to: h[0] });
  const rest = (list) => JSON.stringify([...list.slice(1)].sort());
  if (rest(b) !== rest(h)) emit({ what: "servers-changed", operation: null, pointer: "#/servers", from: b, to: h });
}

function diffComponentSchemas(emit, baseDoc, headDoc) {
  const b = baseDoc.components?.schemas ?? {};
  const h = headDoc.components?.schemas ?? {};
  for (const name of Object.keys(b)) if (!(name in h)) emit({ what: "component-schema-removed", operation: null, pointer: `#/components/schemas/${escapePointer(name)}`, name });
  for (const name of Object.keys(h)) if (!(name in b)) emit({ what: "component-schema-added", operation: null, pointer: `#/components/schemas/${escapePointer(name)}`, name });
}

function diffDocs(emit, baseDoc, headDoc) {
  const b = baseDoc.info ?? {};
  const h = headDoc.info ?? {};
  if (b.title !== h.title || b.description !== h.description) emit({ what: "docs-changed", operation: null, pointer: "#/info", subject: "API title or description" });
  const tagDocs = (doc) => JSON.stringify((Array.isArray(doc.tags) ? doc.tags : []).map((t) => [t?.name, t?.description]).sort());
  if (tagDocs(baseDoc) !== tagDocs(headDoc)) emit({ what: "docs-changed", operation: null, pointer: "#/tags", subject: "tag list or tag descriptions" });
}
