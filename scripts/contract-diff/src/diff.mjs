// Compares two OpenAPI documents and returns every change with its rule, level and direction.
// Two layers are judged: the wire contract, and the surface of the generated TypeScript packages
// (operationIds become method names, tags become API classes, component schemas become exported
// types, path parameter names become keys of `params.path`).
import { Collector } from "./collector.mjs";
import { escapePointer, resolvePointer } from "./load.mjs";
import { deref, diffSchema } from "./schema-diff.mjs";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** `/a/{id}/b` → `/a/{}/b`: endpoints match whatever their path variables are called. */
const pathShape = (path) => path.replace(/\{[^}]+\}/g, "{}");
const pathVars = (path) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
const pathPointer = (path, method) => `#/paths/${escapePointer(path)}${method ? `/${method}` : ""}`;
const opLabel = (method, path) => `${method.toUpperCase()} ${path}`;

function operationsOf(doc) {
  const ops = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const resolvedItem = item?.$ref ? resolvePointer(doc, item.$ref) ?? {} : item ?? {};
    for (const method of METHODS) {
      const op = resolvedItem[method];
      if (op) ops.set(`${method} ${pathShape(path)}`, { method, path, item: resolvedItem, op });
    }
  }
  return ops;
}

/** @returns {import("./collector.mjs").Change[]} */
export function diffDocuments(baseDoc, headDoc, { now = new Date() } = {}) {
  const out = new Collector();
  const baseOps = operationsOf(baseDoc);
  const headOps = operationsOf(headDoc);

  for (const [key, h] of headOps) {
    const b = baseOps.get(key);
    const label = opLabel(h.method, h.path);
    if (!b) {
      out.add("operation-added", { operation: label, pointer: pathPointer(h.path, h.method), message: `operation ${h.op.operationId ?? label} added` });
      continue;
    }
    diffOperation(out, b, h, { baseDoc, headDoc, now });
  }
  for (const [key, b] of baseOps) {
    if (headOps.has(key)) continue;
    const label = opLabel(b.method, b.path);
    const pointer = pathPointer(b.path, b.method);
    const deprecated = b.op.deprecated === true;
    out.add("operation-removed", { operation: label, pointer, message: `operation ${b.op.operationId ?? label} removed${deprecated ? " (it was deprecated)" : ""}` });
    const sunset = parseSunset(b.op["x-sunset"]);
    if (sunset && sunset > now) out.add("removed-before-sunset", { operation: label, pointer, message: `removed before its x-sunset date ${b.op["x-sunset"]}` });
  }

  diffSecuritySchemes(out, baseDoc, headDoc);
  diffServers(out, baseDoc, headDoc);
  diffComponentSchemas(out, baseDoc, headDoc);
  diffDocs(out, baseDoc, headDoc);
  return out.changes;
}

function parseSunset(value) {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function diffOperation(out, b, h, ctx) {
  const operation = opLabel(h.method, h.path);
  const pointer = pathPointer(h.path, h.method);
  const add = (rule, message, extra = {}) => out.add(rule, { operation, pointer, message, ...extra });

  if (b.op.operationId !== h.op.operationId) {
    add("operation-id-changed", `operationId ${b.op.operationId ?? "(none)"} → ${h.op.operationId ?? "(none)"}`, { pointer: `${pointer}/operationId` });
  }
  const bTag = b.op.tags?.[0];
  const hTag = h.op.tags?.[0];
  if (bTag !== hTag) add("tag-changed", `first tag ${bTag ?? "(none)"} → ${hTag ?? "(none)"}`, { pointer: `${pointer}/tags` });
  if (!b.op.deprecated && h.op.deprecated) {
    add("operation-deprecated", `operation ${h.op.operationId ?? operation} deprecated`);
    if (!parseSunset(h.op["x-sunset"])) add("removed-before-sunset", "deprecated without a valid x-sunset date (YYYY-MM-DD)", { pointer: `${pointer}/x-sunset` });
  }
  if (b.op.summary !== h.op.summary || b.op.description !== h.op.description) add("docs-changed", "summary or description changed");

  diffSecurity(out, b, h, ctx, operation, pointer);
  diffParameters(out, b, h, ctx, operation, pointer);
  diffRequestBody(out, b.op.requestBody, h.op.requestBody, ctx, operation, `${pointer}/requestBody`);
  diffResponses(out, b.op.responses ?? {}, h.op.responses ?? {}, ctx, operation, `${pointer}/responses`);
}

// ---- security ---------------------------------------------------------------------------------

/** Each alternative as a canonical string; "" is "no credentials needed". */
function securityAlternatives(doc, op) {
  const requirements = op.security ?? doc.security ?? [];
  if (requirements.length === 0) return new Set([""]);
  return new Set(
    requirements.map((req) =>
      Object.entries(req)
        .map(([scheme, scopes]) => `${scheme}[${[...(scopes ?? [])].sort().join(",")}]`)
        .sort()
        .join("&"),
    ),
  );
}

function diffSecurity(out, b, h, ctx, operation, pointer) {
  const before = securityAlternatives(ctx.baseDoc, b.op);
  const after = securityAlternatives(ctx.headDoc, h.op);
  const show = (alt) => alt || "(none)";
  for (const alt of before) {
    if (!after.has(alt)) out.add("security-tightened", { operation, pointer: `${pointer}/security`, message: `security alternative ${show(alt)} no longer accepted (now: ${[...after].map(show).join(" or ")})` });
  }
  for (const alt of after) {
    if (!before.has(alt)) out.add("security-loosened", { operation, pointer: `${pointer}/security`, message: `security alternative ${show(alt)} now accepted` });
  }
}

function diffSecuritySchemes(out, baseDoc, headDoc) {
  const bs = baseDoc.components?.securitySchemes ?? {};
  const hs = headDoc.components?.securitySchemes ?? {};
  const fields = ["type", "in", "name", "scheme", "bearerFormat", "flows", "openIdConnectUrl"];
  for (const [name, scheme] of Object.entries(bs)) {
    const pointer = `#/components/securitySchemes/${escapePointer(name)}`;
    const b = deref(baseDoc, scheme, pointer).schema;
    if (!(name in hs)) {
      out.add("security-scheme-changed", { pointer, message: `security scheme ${name} removed` });
      continue;
    }
    const h = deref(headDoc, hs[name], pointer).schema;
    const changed = fields.filter((f) => JSON.stringify(b[f]) !== JSON.stringify(h[f]));
    if (changed.length) out.add("security-scheme-changed", { pointer, message: `security scheme ${name}: ${changed.map((f) => `${f} ${JSON.stringify(b[f] ?? null)} → ${JSON.stringify(h[f] ?? null)}`).join(", ")}` });
    else if (b.description !== h.description) out.add("docs-changed", { pointer, message: `security scheme ${name} description changed` });
  }
  for (const name of Object.keys(hs)) {
    if (!(name in bs)) out.add("security-scheme-added", { pointer: `#/components/securitySchemes/${escapePointer(name)}`, message: `security scheme ${name} added` });
  }
}

// ---- parameters -------------------------------------------------------------------------------

const DEFAULT_STYLE = { query: "form", cookie: "form", path: "simple", header: "simple" };

function parametersOf(doc, entry, pointer) {
  const merged = new Map();
  const collect = (list, base) =>
    (list ?? []).forEach((node, index) => {
      const { schema: param } = deref(doc, node, `${base}/parameters/${index}`);
      merged.set(`${param.in}:${param.name}`, { param, pointer: `${base}/parameters/${index}` });
    });
  collect(entry.item.parameters, pointerOfPath(pointer));
  collect(entry.op.parameters, pointer);
  return merged;
}
const pointerOfPath = (opPointer) => opPointer.slice(0, opPointer.lastIndexOf("/"));

function serialisation(param) {
  const style = param.style ?? DEFAULT_STYLE[param.in] ?? "form";
  return { style, explode: param.explode ?? style === "form", allowReserved: param.allowReserved ?? false, allowEmptyValue: param.allowEmptyValue ?? false };
}

function diffParameters(out, b, h, ctx, operation, pointer) {
  const basePointer = pathPointer(b.path, b.method);
  const bp = parametersOf(ctx.baseDoc, b, basePointer);
  const hp = parametersOf(ctx.headDoc, h, pointer);

  // Path parameters match by position in the template: a rename keeps the wire but changes the SDK.
  const bVars = pathVars(b.path);
  const hVars = pathVars(h.path);
  const renamed = new Map();
  hVars.forEach((name, i) => {
    if (bVars[i] !== undefined && bVars[i] !== name) {
      renamed.set(`path:${bVars[i]}`, `path:${name}`);
      out.add("path-param-renamed", { operation, pointer: hp.get(`path:${name}`)?.pointer ?? pointer, message: `path parameter {${bVars[i]}} renamed to {${name}}` });
    }
  });

  for (const [key, { param: bParam }] of bp) {
    const headKey = renamed.get(key) ?? key;
    const entry = hp.get(headKey);
    if (!entry) {
      out.add("param-removed", { operation, pointer, message: `${bParam.in} parameter "${bParam.name}" removed` });
      continue;
    }
    const hParam = entry.param;
    const at = entry.pointer;
    const bReq = bParam.required === true || bParam.in === "path";
    const hReq = hParam.required === true || hParam.in === "path";
    if (!bReq && hReq) out.add("param-became-required", { operation, pointer: at, message: `${hParam.in} parameter "${hParam.name}" became required` });
    if (bReq && !hReq) out.add("param-became-optional", { operation, pointer: at, message: `${hParam.in} parameter "${hParam.name}" became optional` });
    const bs = serialisation(bParam);
    const hs = serialisation(hParam);
    const changed = Object.keys(bs).filter((k) => bs[k] !== hs[k]);
    if (changed.length) out.add("param-serialization-changed", { operation, pointer: at, message: `${hParam.in} parameter "${hParam.name}": ${changed.map((k) => `${k} ${bs[k]} → ${hs[k]}`).join(", ")}` });
    const bSchema = deref(ctx.baseDoc, bParam.schema ?? {}, `${at}/schema`).schema;
    const hSchema = deref(ctx.headDoc, hParam.schema ?? {}, `${at}/schema`).schema;
    if (JSON.stringify(bSchema.default) !== JSON.stringify(hSchema.default)) {
      out.add("param-default-changed", { operation, pointer: `${at}/schema/default`, message: `${hParam.in} parameter "${hParam.name}" default ${JSON.stringify(bSchema.default ?? null)} → ${JSON.stringify(hSchema.default ?? null)}` });
    }
    if (bParam.description !== hParam.description) out.add("docs-changed", { operation, pointer: at, message: `${hParam.in} parameter "${hParam.name}" description changed` });
    diffSchema(out, bParam.schema ?? {}, hParam.schema ?? {}, `${at}/schema`, { ...ctx, direction: "request", kind: "param", operation });
  }
  const renamedTargets = new Set(renamed.values());
  for (const [key, { param, pointer: at }] of hp) {
    if (bp.has(key) || renamedTargets.has(key)) continue;
    const required = param.required === true || param.in === "path";
    out.add(required ? "param-added-required" : "param-added-optional", { operation, pointer: at, message: `${required ? "required" : "optional"} ${param.in} parameter "${param.name}" added` });
  }
}

// ---- bodies and responses ---------------------------------------------------------------------

function diffContent(out, bContent, hContent, ctx, operation, pointer, direction) {
  for (const [media, bMedia] of Object.entries(bContent ?? {})) {
    const at = `${pointer}/content/${escapePointer(media)}`;
    if (!hContent?.[media]) {
      out.add("media-type-removed", { operation, pointer: at, message: `${direction} media type ${media} removed`, direction });
      continue;
    }
    const hMedia = hContent[media];
    if (JSON.stringify(bMedia.example ?? bMedia.examples) !== JSON.stringify(hMedia.example ?? hMedia.examples)) out.add("docs-changed", { operation, pointer: at, message: "example changed" });
    diffSchema(out, bMedia.schema ?? {}, hMedia.schema ?? {}, `${at}/schema`, { ...ctx, direction, kind: "body", operation });
  }
  for (const media of Object.keys(hContent ?? {})) {
    if (!bContent?.[media]) out.add("media-type-added", { operation, pointer: `${pointer}/content/${escapePointer(media)}`, message: `${direction} media type ${media} added`, direction });
  }
}

function diffRequestBody(out, bNode, hNode, ctx, operation, pointer) {
  const b = bNode ? deref(ctx.baseDoc, bNode, pointer).schema : undefined;
  const h = hNode ? deref(ctx.headDoc, hNode, pointer).schema : undefined;
  if (!b && !h) return;
  if (!b) return out.add(h.required ? "request-body-required" : "request-body-added-optional", { operation, pointer, message: `${h.required ? "required" : "optional"} request body added` });
  if (!h) return out.add("request-body-removed", { operation, pointer, message: "request body removed" });
  if (!b.required && h.required) out.add("request-body-required", { operation, pointer, message: "request body became required" });
  if (b.required && !h.required) out.add("request-body-became-optional", { operation, pointer, message: "request body became optional" });
  if (b.description !== h.description) out.add("docs-changed", { operation, pointer, message: "request body description changed" });
  diffContent(out, b.content, h.content, ctx, operation, pointer, "request");
}

const isSuccess = (status) => /^2/.test(status) || status === "2XX" || status === "default";

function diffResponses(out, bResponses, hResponses, ctx, operation, pointer) {
  for (const [status, bNode] of Object.entries(bResponses)) {
    const at = `${pointer}/${escapePointer(status)}`;
    if (!(status in hResponses)) {
      const successRemoved = /^2/.test(status) || (status === "default" && !Object.keys(bResponses).some((s) => /^2/.test(s)));
      out.add(successRemoved ? "success-response-removed" : "response-status-removed", { operation, pointer: at, message: `response ${status} removed` });
      continue;
    }
    const b = deref(ctx.baseDoc, bNode, at).schema;
    const h = deref(ctx.headDoc, hResponses[status], at).schema;
    if (b.description !== h.description) out.add("docs-changed", { operation, pointer: at, message: `response ${status} description changed` });
    diffContent(out, b.content, h.content, ctx, operation, at, "response");
    diffHeaders(out, b.headers ?? {}, h.headers ?? {}, ctx, operation, `${at}/headers`);
  }
  for (const status of Object.keys(hResponses)) {
    if (!(status in bResponses)) out.add("response-status-added", { operation, pointer: `${pointer}/${escapePointer(status)}`, message: `response ${status} added${isSuccess(status) ? "" : " (error)"}` });
  }
}

function diffHeaders(out, bHeaders, hHeaders, ctx, operation, pointer) {
  for (const [name, bNode] of Object.entries(bHeaders)) {
    const at = `${pointer}/${escapePointer(name)}`;
    const b = deref(ctx.baseDoc, bNode, at).schema;
    const hNode = Object.entries(hHeaders).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    if (!hNode) {
      out.add("response-header-weakened", { operation, pointer: at, message: `${b.required ? "required" : "optional"} response header ${name} removed`, level: b.required ? "major" : "warn" });
      continue;
    }
    const h = deref(ctx.headDoc, hNode, at).schema;
    if (b.required && !h.required) out.add("response-header-weakened", { operation, pointer: at, message: `response header ${name} became optional` });
    const bt = JSON.stringify([b.schema?.type, b.schema?.format]);
    const ht = JSON.stringify([h.schema?.type, h.schema?.format]);
    if (bt !== ht) out.add("response-header-weakened", { operation, pointer: at, message: `response header ${name} type ${bt} → ${ht}` });
  }
  for (const name of Object.keys(hHeaders)) {
    if (!Object.keys(bHeaders).some((n) => n.toLowerCase() === name.toLowerCase())) out.add("response-header-added", { operation, pointer: `${pointer}/${escapePointer(name)}`, message: `response header ${name} added` });
  }
}

// ---- document surface -------------------------------------------------------------------------

function diffServers(out, baseDoc, headDoc) {
  const b = (baseDoc.servers ?? []).map((s) => s.url);
  const h = (headDoc.servers ?? []).map((s) => s.url);
  if (b[0] !== h[0]) out.add("server-url-changed", { pointer: "#/servers/0", message: `default server ${b[0] ?? "(none)"} → ${h[0] ?? "(none)"}` });
  const rest = (list) => JSON.stringify([...list.slice(1)].sort());
  if (rest(b) !== rest(h)) out.add("server-changed", { pointer: "#/servers", message: `servers [${b.join(", ")}] → [${h.join(", ")}]` });
}

function diffComponentSchemas(out, baseDoc, headDoc) {
  const b = baseDoc.components?.schemas ?? {};
  const h = headDoc.components?.schemas ?? {};
  for (const name of Object.keys(b)) if (!(name in h)) out.add("component-schema-removed", { pointer: `#/components/schemas/${escapePointer(name)}`, message: `schema ${name} removed (the exported type ${name} is gone)` });
  for (const name of Object.keys(h)) if (!(name in b)) out.add("component-schema-added", { pointer: `#/components/schemas/${escapePointer(name)}`, message: `schema ${name} added` });
}

function diffDocs(out, baseDoc, headDoc) {
  const b = baseDoc.info ?? {};
  const h = headDoc.info ?? {};
  if (b.title !== h.title || b.description !== h.description) out.add("docs-changed", { pointer: "#/info", message: "API title or description changed" });
  const tagDocs = (doc) => JSON.stringify((doc.tags ?? []).map((t) => [t.name, t.description]).sort());
  if (tagDocs(baseDoc) !== tagDocs(headDoc)) out.add("docs-changed", { pointer: "#/tags", message: "tag list or tag descriptions changed" });
}
