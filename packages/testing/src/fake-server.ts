// The base of every vendor fake: a real HTTP server on loopback that routes each request to an
// operation of the vendor's OpenAPI spec (by operationId, with openapi-backend), checks the
// request against the spec before any handler runs (parameters, body, formats, security), answers
// violations with the vendor's own error shape, keeps a log of every request, and checks the
// fake's own answers against the spec too, so a fake that drifts from the spec shows up in
// `violations` instead of teaching users' tests a wrong API.
//
// A vendor fake supplies the state: one handler per operationId, how to check a credential, and
// how its error bodies look. The spec mock (spec-mock-server.ts) is the same server with the
// spec's own examples as handlers. Node only (node:http); it never runs in the published clients.
import type { IncomingMessage } from "node:http";
import addFormats from "ajv-formats";
// The named export: Node's ESM loader gives a CommonJS module's whole `exports` object as its default.
import { OpenAPIBackend } from "openapi-backend";
import { defineAsyncDispose } from "./dispose.js";
import { listen, parseJson, readBody, sendReply } from "./loopback-server.js";

/** Request headers as Node gives them: lower-case names. */
export type FakeHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** One request the fake received, as it arrived (kept in `requests`, in order). */
export interface FakeRequest {
  readonly method: string;
  /** The path without the query string and without the fake's `basePath`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: FakeHeaders;
  readonly rawBody: string;
  /** The body parsed as JSON; the raw text when it is not JSON; undefined when empty. */
  readonly body: unknown;
  /** The peer's address, e.g. "127.0.0.1". */
  readonly remoteAddress: string;
  /** The spec operation the request matched, if any. */
  readonly operationId: string | undefined;
  /** The path parameters of the matched operation (e.g. `{ repoId: "r-1" }`). */
  readonly params: Readonly<Record<string, string>>;
  /** The credentials that the fake accepted, per security scheme name (e.g. `{ bearerAuth: "<token>" }`). */
  readonly credentials: Readonly<Record<string, string>>;
  /** The status the fake answered with (set once the answer is sent). */
  readonly status: number | undefined;
}

/** What a handler answers. Objects are sent as JSON; strings as they are. */
export interface FakeReply {
  /** Default: 200. */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

/** A credential found in a request for one of the spec's security schemes. */
export interface FakeCredential {
  /** The scheme's name in the spec's `components.securitySchemes`. */
  readonly scheme: string;
  readonly kind: "bearer" | "basic" | "apiKey";
  /** The token, API key, or `user:password` for basic auth. */
  readonly value: string;
}

/** Why the fake itself (not a vendor handler) refused a request. */
export interface FakeProblem {
  readonly status: number;
  readonly kind: "validation" | "unauthorized" | "not-found" | "method-not-allowed" | "not-implemented" | "internal" | "injected";
  readonly operationId: string | undefined;
  /** One sentence, no secrets. */
  readonly message: string;
  /** The individual findings (e.g. one line per schema violation). */
  readonly details: readonly string[];
}

/** A request the spec does not allow, or an answer of the fake that the spec does not allow. */
export interface FakeViolation {
  /** `unauthorized`: a request without the credentials its operation requires (spec mocks only; a fake answers it 401 as the vendor does). */
  readonly kind: "request" | "not-found" | "response" | "internal" | "unauthorized";
  readonly operationId: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly errors: readonly string[];
}

export interface FakeServerOptions {
  /** Short vendor name, used in messages. */
  vendor: string;
  /** The spec as an object (each vendor's `src/generated/spec.gen.ts`); it is copied, never changed. */
  spec: Record<string, unknown>;
  /** Handlers by operationId. An operation without one answers 501. */
  handlers: Readonly<Record<string, FakeHandler>>;
  /** The vendor's error body for a problem the fake found (validation, auth, routing). */
  errorBody: (problem: FakeProblem) => unknown;
  /**
   * Whether a credential is valid (called for each scheme of the operation's security that the
   * request carries). Default: any non-empty credential is accepted.
   */
  authenticate?: ((credential: FakeCredential, request: FakeRequest) => boolean) | undefined;
  /**
   * Answers requests to paths the spec does not have (e.g. the vendor's "other" API, which needs a
   * token from the fake). Return undefined for a 404. Default: every such request is a 404.
   */
  fallback?: ((request: FakeRequest) => FakeReply | undefined | Promise<FakeReply | undefined>) | undefined;
  /** Interface to listen on. Default: "127.0.0.1" (loopback only). */
  host?: string | undefined;
  /** Port. Default: 0 (a free port chosen by the system). */
  port?: number | undefined;
  /** A path prefix the spec's paths live under (e.g. "/repository"); part of `url`. Default: "". */
  basePath?: string | undefined;
  /**
   * Valueless query keys that the vendor's server ignores on an operation, by operationId (e.g.
   * BlueJeans' `?Client` markers). They are taken out of the query before validation when they carry
   * no value; `request.query` still shows them. Default: none.
   */
  queryMarkers?: ((operationId: string) => readonly string[]) | undefined;
  /**
   * Formats that replace ajv-formats' checks of the same name (e.g. a `date-time` that also accepts
   * what the vendor's server accepts). Used for requests and for the fake's own answers.
   */
  formats?: Readonly<Record<string, (value: string) => boolean>> | undefined;
}

/** Which requests an injected fault applies to. Default: the next request, whatever it is. */
export interface FakeFaultTarget {
  /** Only requests of this spec operation (e.g. "generateNewToken"). */
  operationId?: string | undefined;
  /** Only requests to this path (without the query string and the fake's basePath), e.g. "/caseSearch". */
  path?: string | undefined;
  /** How many matching requests the fault applies to. Default: 1. */
  times?: number | undefined;
}

/** An answer that `failNext` puts in place of the fake's own. */
export interface FakeFailure {
  status: number;
  /** Default: the vendor's error body for the status (as the fake's own errors look). */
  body?: unknown;
  headers?: Record<string, string> | undefined;
}

export interface FakeServer {
  /** The base URL to give the client, e.g. `http://127.0.0.1:41234` (plus `basePath`). */
  readonly url: string;
  /**
   * Answers the next matching request with `failure` instead of handling it (the fake's state is
   * not touched): `fake.failNext({ status: 503 })`, `fake.failNext({ status: 429, headers:
   * { "retry-after": "1" } }, { operationId: "generateNewToken", times: 2 })`.
   */
  failNext(failure: FakeFailure, target?: FakeFaultTarget): void;
  /** Delays the answer to the next matching request by `ms` (it is still handled). */
  delayNext(ms: number, target?: FakeFaultTarget): void;
  /** Resets the connection of the next matching request instead of answering (nothing is handled). */
  resetNext(target?: FakeFaultTarget): void;
  /** Drops every fault not yet used. */
  clearFaults(): void;
  /** Every request received, in order (including refused ones). */
  readonly requests: readonly FakeRequest[];
  /** Requests the spec does not allow, and answers of the fake the spec does not allow. */
  readonly violations: readonly FakeViolation[];
  /** Empties `requests` and `violations` (the fake's state is kept). */
  clearLog(): void;
  /** Stops the server and drops open connections. Idempotent. */
  close(): Promise<void>;
  /** `await using fake = await startXFake()`: the same as `close()`. */
  [Symbol.asyncDispose](): Promise<void>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface BackendParameter {
  name: string;
  in: string;
  schema?: { type?: string };
}
interface BackendContext {
  api: { mockResponseForOperation(operationId: string): { status: number; mock: unknown } };
  operation: { operationId?: string; security?: Array<Record<string, unknown>>; responses?: unknown };
  request: { params?: Record<string, string> };
  validation: { errors?: Array<{ instancePath?: string; message?: string; params?: unknown }> | null };
}
interface SecurityScheme {
  type: string;
  scheme?: string;
  in?: string;
  name?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;

type Fault = { kind: "fail"; failure: FakeFailure } | { kind: "delay"; ms: number } | { kind: "reset" };
interface PendingFault {
  readonly fault: Fault;
  readonly target: FakeFaultTarget;
  remaining: number;
}

/** What the spec mock adds to a fake (not part of the published options). */
export interface SpecMockBehaviour {
  /** Operations without a handler answer with the response the spec documents (its example, or one built from its schema) instead of 501. */
  readonly answerFromSpec: boolean;
  /** A request without the credentials its operation requires is recorded in `violations` (kind "unauthorized"). */
  readonly missingCredentialsAreViolations: boolean;
  /** The server's own refusals (validation, auth, routing) are checked against the spec too: a fake answers them in the vendor's error shape, a spec mock in its own. */
  readonly checkRefusals: boolean;
}

/** Starts a fake on a loopback port. */
export function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  return startSpecServer(options, { answerFromSpec: false, missingCredentialsAreViolations: false, checkRefusals: true });
}

/**
 * The server behind fakes and spec mocks. Handlers are looked up in `options.handlers` per request,
 * so a spec mock's `override()` takes effect at once.
 */
export async function startSpecServer(options: FakeServerOptions, behaviour: SpecMockBehaviour): Promise<FakeServer> {
  const vendor = options.vendor;
  const api = new OpenAPIBackend({
    definition: structuredClone(options.spec) as never,
    strict: true,
    // Compile each operation's validators on its first request, and skip re-validating the spec
    // itself (every spec is linted when it is generated): a fake then starts in milliseconds
    // instead of seconds (Agilicus: ~5 ms instead of ~3 s on 2 cores).
    quick: true,
    validate: true,
    ajvOpts: { allErrors: true, strict: false },
    // date-time, uri, email…: checked, not ignored.
    customizeAjv: (ajv) => {
      (addFormats as unknown as (ajv: never) => unknown)(ajv as never);
      for (const [name, check] of Object.entries(options.formats ?? {})) ajv.addFormat(name, check);
      return ajv;
    },
  });
  await api.init();
  // A handler for an operation the spec does not have is a fake that drifted from its spec.
  for (const operationId of Object.keys(options.handlers)) {
    if (!api.getOperation(operationId)) throw new TypeError(`The ${vendor} fake has a handler for "${operationId}", which is no operationId of the spec`);
  }
  const definition = api.definition as { security?: Array<Record<string, unknown>>; components?: { securitySchemes?: Record<string, SecurityScheme> } };
  const schemes = definition.components?.securitySchemes ?? {};
  const requests: FakeRequest[] = [];
  const violations: FakeViolation[] = [];
  const authenticate = options.authenticate ?? ((credential: FakeCredential) => credential.value.length > 0);
  const faults: PendingFault[] = [];
  const addFault = (fault: Fault, target: FakeFaultTarget = {}) => {
    const times = target.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new TypeError("times must be a positive integer");
    faults.push({ fault, target, remaining: times });
  };
  /** The first fault that applies to `request`, used up once. */
  const takeFault = (request: FakeRequest): Fault | undefined => {
    const index = faults.findIndex(({ target }) => (target.operationId === undefined || target.operationId === request.operationId) && (target.path === undefined || target.path === request.path));
    if (index < 0) return undefined;
    const pending = faults[index]!;
    if (--pending.remaining === 0) faults.splice(index, 1);
    return pending.fault;
  };

  /** The answers of `problem()`, to tell them from the handlers' answers. */
  const refusals = new WeakSet<FakeReply>();
  const problem = (request: Mutable<FakeRequest>, fields: Omit<FakeProblem, "operationId">): FakeReply => {
    const full: FakeProblem = { ...fields, operationId: request.operationId };
    const reply = { status: fields.status, body: options.errorBody(full) };
    refusals.add(reply);
    return reply;
  };
  const violation = (request: FakeRequest, kind: FakeViolation["kind"], errors: string[]) =>
    violations.push({ kind, operationId: request.operationId, method: request.method, path: request.path, errors });

  api.register({
    validationFail: (c: BackendContext, request: Mutable<FakeRequest>) => {
      const details = (c.validation.errors ?? []).map((e) => `${e.instancePath || "request"} ${e.message ?? "is invalid"}${describeParams(e.params)}`.trim());
      violation(request, "request", details);
      return problem(request, { status: 400, kind: "validation", message: `The request does not match the ${vendor} spec for ${request.operationId}`, details });
    },
    notFound: (_c: BackendContext, request: Mutable<FakeRequest>) => {
      violation(request, "not-found", [`no operation of the spec matches ${request.method} ${request.path}`]);
      return problem(request, { status: 404, kind: "not-found", message: `No such path in the ${vendor} API`, details: [] });
    },
    methodNotAllowed: (_c: BackendContext, request: Mutable<FakeRequest>) => {
      violation(request, "not-found", [`method ${request.method} is not allowed on ${request.path}`]);
      return problem(request, { status: 405, kind: "method-not-allowed", message: `Method ${request.method} is not allowed on this path`, details: [] });
    },
    unauthorizedHandler: (c: BackendContext, request: Mutable<FakeRequest>) => {
      const names = (c.operation.security ?? definition.security ?? []).flatMap((requirement) => Object.keys(requirement));
      const present = names.some((name) => schemes[name] && credentialOf(schemes[name], request) !== undefined);
      if (!present && behaviour.missingCredentialsAreViolations) violation(request, "unauthorized", [`missing credentials: the operation needs ${names.join(" or ")}`]);
      const message = present ? "The credentials are invalid, expired or revoked" : `Missing credentials: ${request.operationId} needs ${names.join(" or ")}`;
      return problem(request, { status: 401, kind: "unauthorized", message, details: [] });
    },
    // Every operation comes here once the request passed the spec's checks (no handler is registered
    // with openapi-backend): the vendor's handler, else the spec's own example, else 501.
    notImplemented: (c: BackendContext, request: Mutable<FakeRequest>) => {
      const operationId = request.operationId ?? "";
      const handler = Object.hasOwn(options.handlers, operationId) ? options.handlers[operationId] : undefined;
      request.params = { ...(c.request.params ?? {}) };
      if (handler) return handler(request);
      if (behaviour.answerFromSpec) return specExample(c, operationId);
      return problem(request, { status: 501, kind: "not-implemented", message: `The ${vendor} fake does not implement ${request.operationId}`, details: [] });
    },
  });
  for (const [name, scheme] of Object.entries(schemes)) {
    api.registerSecurityHandler(name, (_c: unknown, request: Mutable<FakeRequest>) => {
      const value = credentialOf(scheme, request);
      if (value === undefined) return false;
      const kind = scheme.type === "apiKey" ? "apiKey" : scheme.scheme?.toLowerCase() === "basic" ? "basic" : "bearer";
      if (!authenticate({ scheme: name, kind, value }, request)) return false;
      request.credentials = { ...request.credentials, [name]: value };
      return true;
    });
  }
  // apiKey schemes `in: query` are no declared parameters: their keys are taken out of the query
  // before validation (the spec validator refuses unknown query parameters) and checked above.
  const credentialQueryKeys = new Map(Object.entries(schemes).flatMap(([name, s]) => (s.type === "apiKey" && s.in === "query" && s.name ? [[name, s.name] as const] : [])));

  /** Logs the request (in `seen.request` too, for the error path) and computes the answer (or a reset). */
  async function answer(req: IncomingMessage, seen: { request?: Mutable<FakeRequest> }): Promise<{ request: Mutable<FakeRequest>; reply: FakeReply | "reset" }> {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    // An oversized body is not kept; the request is logged and refused (413) below.
    const rawBody = await readBody(req, MAX_BODY_BYTES);
    const basePath = (options.basePath ?? "").replace(/\/+$/, "");
    let path = url.pathname;
    if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || "/";
    const request: Mutable<FakeRequest> = {
      method: (req.method ?? "GET").toUpperCase(),
      path,
      query: url.searchParams,
      headers: { ...req.headers },
      rawBody: rawBody ?? "",
      body: parseBody(rawBody ?? ""),
      remoteAddress: (req.socket?.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, ""),
      operationId: undefined,
      params: {},
      credentials: {},
      status: undefined,
    };
    requests.push(request);
    seen.request = request;
    if (rawBody === undefined) {
      violation(request, "request", [`request body over ${MAX_BODY_BYTES} bytes`]);
      return { request, reply: problem(request, { status: 413, kind: "validation", message: `The request body is over ${MAX_BODY_BYTES} bytes`, details: [] }) };
    }
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length > 1 ? all : all[0]!;
    }
    const backendRequest = { method: request.method, path, query, headers: request.headers as Record<string, string | string[]>, body: request.body };
    const operation = api.matchOperation(backendRequest as never) as BackendContext["operation"] | undefined;
    request.operationId = operation?.operationId;
    const fault = takeFault(request);
    if (fault?.kind === "reset") return { request, reply: "reset" };
    if (fault?.kind === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === "fail") {
      const { status, headers } = fault.failure;
      const body = "body" in fault.failure ? fault.failure.body : options.errorBody({ status, kind: "injected", operationId: request.operationId, message: `Injected failure (HTTP ${status})`, details: [] });
      return { request, reply: { status, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) } };
    }
    if (!operation && options.fallback) {
      const reply = await options.fallback(request);
      if (reply) return { request, reply };
    }
    for (const requirement of operation?.security ?? definition.security ?? []) {
      for (const name of Object.keys(requirement)) {
        const key = credentialQueryKeys.get(name);
        if (key) delete query[key];
      }
    }
    if (operation?.operationId) {
      for (const marker of options.queryMarkers?.(operation.operationId) ?? []) if (query[marker] === "") delete query[marker];
    }
    normaliseQueryBooleans(query, (operation as { parameters?: BackendParameter[] } | undefined)?.parameters ?? []);
    const reply = (await api.handleRequest(backendRequest as never, request)) as FakeReply;
    if (operation && reply.body !== undefined && typeof reply.body === "object" && (behaviour.checkRefusals || !refusals.has(reply))) {
      const check = api.validateResponse(reply.body, operation as never, reply.status ?? 200);
      if (check.errors?.length) {
        violation(request, "response", check.errors.map((e) => `${e.instancePath || "response"} ${e.message ?? "is invalid"}`));
      }
    }
    return { request, reply };
  }

  const listener = await listen(
    (req, res) => {
      const seen: { request?: Mutable<FakeRequest> } = {};
      answer(req, seen).then(
        ({ request, reply }) => {
          if (reply === "reset") {
            req.socket.resetAndDestroy();
            return;
          }
          request.status = reply.status ?? 200;
          sendReply(res, reply);
        },
        (error: unknown) => {
          // A bug in a handler: visible in `violations`, answered 500.
          const { request } = seen;
          const message = error instanceof Error ? error.message : String(error);
          if (request) {
            violations.push({ kind: "internal", operationId: request.operationId, method: request.method, path: request.path, errors: [message] });
            request.status = 500;
          }
          const body = options.errorBody({ status: 500, kind: "internal", operationId: request?.operationId, message: `The ${vendor} fake failed: ${message}`, details: [] });
          sendReply(res, { status: 500, body });
        },
      );
    },
    { host: options.host, port: options.port },
  );
  const close = listener.close;

  const fake = {
    url: `${listener.origin}${(options.basePath ?? "").replace(/\/+$/, "")}`,
    requests,
    violations,
    clearLog() {
      requests.length = 0;
      violations.length = 0;
    },
    failNext: (failure: FakeFailure, target?: FakeFaultTarget) => {
      if (!failure || !Number.isInteger(failure.status) || failure.status < 100 || failure.status > 599) throw new TypeError("failNext: status must be an HTTP status from 100 to 599");
      addFault({ kind: "fail", failure }, target);
    },
    delayNext: (ms: number, target?: FakeFaultTarget) => {
      if (typeof ms !== "number" || !(ms >= 0) || ms > 2 ** 31 - 1) throw new TypeError("delayNext: ms must be a number of milliseconds");
      addFault({ kind: "delay", ms }, target);
    },
    resetNext: (target?: FakeFaultTarget) => addFault({ kind: "reset" }, target),
    clearFaults: () => {
      faults.length = 0;
    },
    close,
  };
  return defineAsyncDispose(fake, close) as unknown as FakeServer;
}

/** The credential a request carries for one scheme, or undefined. */
function credentialOf(scheme: SecurityScheme, request: FakeRequest): string | undefined {
  const header = (name: string) => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  if (scheme.type === "http") {
    const match = /^(\S+)\s+(\S+)$/.exec(header("authorization") ?? "");
    const wanted = (scheme.scheme ?? "bearer").toLowerCase();
    if (!match || match[1]!.toLowerCase() !== wanted) return undefined;
    if (wanted === "basic") return Buffer.from(match[2]!, "base64").toString("utf8");
    return match[2];
  }
  if (scheme.type === "apiKey" && scheme.name) {
    if (scheme.in === "header") return header(scheme.name) || undefined;
    if (scheme.in === "query") return request.query.get(scheme.name) || undefined;
    if (scheme.in === "cookie") {
      const cookies = (header("cookie") ?? "").split(";").map((c) => c.trim().split("="));
      const found = cookies.find(([name]) => name === scheme.name);
      return found?.[1] ? decodeURIComponent(found[1]) : undefined;
    }
  }
  return undefined;
}

/**
 * Query booleans as servers read them: `True`, `FALSE` and `true` alike (Python clients send
 * `str(True)`; ASP.NET and Python servers parse booleans case-insensitively). The validator's
 * coercion only knows lower case, so matching values are lower-cased before it runs.
 */
function normaliseQueryBooleans(query: Record<string, string | string[]>, parameters: readonly BackendParameter[]): void {
  const lower = (value: string) => (/^(true|false)$/i.test(value) ? value.toLowerCase() : value);
  for (const parameter of parameters) {
    const value = query[parameter.name];
    if (parameter.in !== "query" || parameter.schema?.type !== "boolean" || value === undefined) continue;
    query[parameter.name] = Array.isArray(value) ? value.map(lower) : lower(value);
  }
}

/** Ajv's `params` add what a message leaves out ("must NOT have additional properties": which one). */
function describeParams(params: unknown): string {
  if (!params || typeof params !== "object") return "";
  const p = params as Record<string, unknown>;
  if (typeof p["additionalProperty"] === "string") return ` (${p["additionalProperty"]})`;
  if (Array.isArray(p["allowedValues"])) return ` (${p["allowedValues"].join(", ")})`;
  return "";
}

/** The body parsed as JSON; the raw text when it is not JSON; undefined when empty. */
function parseBody(text: string): unknown {
  const json = parseJson(text);
  return json !== undefined ? json : text || undefined;
}

/** The response the spec documents for an operation (its example, or one built from its schema); no body where the spec documents none (e.g. 204). */
function specExample(c: BackendContext, operationId: string): FakeReply {
  const { status, mock } = c.api.mockResponseForOperation(operationId);
  const documented = (c.operation.responses as Record<string, { content?: unknown }> | undefined)?.[String(status)];
  return documented && !documented.content ? { status } : { status, body: mock };
}

/**
 * A vendor fake: the server plus the vendor's own members (credentials, state, helpers). Getters
 * stay getters, so state read through them is always current.
 */
export function extendFake<S extends FakeServer, E extends object>(server: S, extras: E): S & E {
  return Object.defineProperties(server, Object.getOwnPropertyDescriptors(extras)) as S & E;
}
