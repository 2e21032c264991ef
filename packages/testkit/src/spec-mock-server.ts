// A mock server that validates every request against an OpenAPI spec and answers from the spec,
// behind a real loopback HTTP server. openapi-backend (Ajv) does the validation and the mocking;
// see shared/reference/contract-diff.md §6 for why it was chosen over Prism on Node 20.
//
// A request that breaks the spec (unknown path, wrong method, bad parameter or body, missing
// credentials) is answered 400/401/404 with the reasons and recorded in `violations`, so a
// contract test can assert that there were none. Every mock response is itself validated against
// the spec, so a spec whose examples contradict its schemas fails the test too.
import OpenAPIBackend, { type Context, type Request as BackendRequest } from "openapi-backend";
import addFormats from "ajv-formats";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { recordRequest, sendReply, type RecordedRequest, type Reply } from "./loopback-server.js";

export interface MockedRequest extends RecordedRequest {
  /** The operationId the request matched, if any. */
  operationId: string | undefined;
}

export interface Violation {
  operationId: string | undefined;
  method: string;
  path: string;
  kind: "request" | "response" | "not-found" | "unauthorized";
  errors: string[];
}

export interface SpecMockServer {
  readonly url: string;
  readonly requests: MockedRequest[];
  readonly violations: Violation[];
  /** Answer one operation with a chosen reply instead of the spec's mock (validated too). */
  override(operationId: string, reply: Reply | ((request: MockedRequest) => Reply)): void;
  close(): Promise<void>;
}

export interface SpecMockOptions {
  /** A path prefix the spec's paths live under on this server (e.g. a server URL's path). */
  basePath?: string;
}

export async function startSpecMockServer(specPath: string, options: SpecMockOptions = {}): Promise<SpecMockServer> {
  const api = new OpenAPIBackend({
    definition: specPath,
    quick: false,
    validate: true,
    ajvOpts: { allErrors: true, strict: false },
    // date-time, uri, email…: checked, not ignored.
    customizeAjv: (ajv) => addFormats(ajv as never) as never,
  });
  const requests: MockedRequest[] = [];
  const violations: Violation[] = [];
  const overrides = new Map<string, Reply | ((request: MockedRequest) => Reply)>();
  let current: MockedRequest | undefined;

  const violation = (kind: Violation["kind"], context: Context | undefined, errors: string[]): Violation => ({
    kind,
    operationId: context?.operation?.operationId,
    method: current?.method ?? "",
    path: current?.path ?? "",
    errors,
  });

  api.register({
    validationFail: (c) => {
      const errors = (c.validation.errors ?? []).map((e) => `${e.instancePath || "(request)"} ${e.message ?? ""}`.trim());
      violations.push(violation("request", c, errors));
      return { status: 400, body: { mockServer: "request does not match the spec", errors } };
    },
    notFound: (c) => {
      violations.push(violation("not-found", c, ["no path of the spec matches"]));
      return { status: 404, body: { mockServer: "no such path in the spec" } };
    },
    methodNotAllowed: (c) => {
      violations.push(violation("not-found", c, ["method not allowed for this path"]));
      return { status: 405, body: { mockServer: "method not allowed" } };
    },
    unauthorizedHandler: (c) => {
      violations.push(violation("unauthorized", c, ["missing or malformed credentials for the operation's security"]));
      return { status: 401, body: { mockServer: "unauthorized" } };
    },
    notImplemented: (c) => {
      const operationId = c.operation.operationId ?? "";
      const override = overrides.get(operationId);
      let reply: Reply;
      if (override) reply = typeof override === "function" ? override(current!) : override;
      else {
        const { status, mock } = c.api.mockResponseForOperation(operationId);
        // A response the spec documents without content (e.g. 204) is sent without a body.
        const documented = (c.operation.responses as Record<string, { content?: unknown }> | undefined)?.[String(status)];
        reply = documented && !documented.content ? { status } : { status, body: mock };
      }
      const status = reply.status ?? 200;
      if (reply.body !== undefined && typeof reply.body === "object") {
        const check = c.api.validateResponse(reply.body, c.operation, status);
        if (check.errors?.length) {
          violations.push(violation("response", c, check.errors.map((e) => `${e.instancePath || "(response)"} ${e.message ?? ""}`.trim())));
        }
      }
      return reply;
    },
  });

  // Every security scheme of the spec: present and well-formed is enough for a mock.
  const definition = await (async () => {
    await api.init();
    return api.definition;
  })();
  // Query parameters that carry credentials (apiKey schemes `in: query`) are not declared as
  // parameters, so they are taken out of the query before validation and checked here instead.
  const credentialQueryKeys = new Map<string, string>(); // scheme name → query key
  for (const [name, scheme] of Object.entries(definition.components?.securitySchemes ?? {})) {
    const s = scheme as { type: string; scheme?: string; in?: string; name?: string };
    if (s.type === "apiKey" && s.in === "query" && s.name) credentialQueryKeys.set(name, s.name);
    api.registerSecurityHandler(name, () => {
      const headers = (current?.headers ?? {}) as Record<string, string | undefined>;
      if (s.type === "http" && s.scheme?.toLowerCase() === "bearer") return /^Bearer \S+$/.test(headers["authorization"] ?? "");
      if (s.type === "http" && s.scheme?.toLowerCase() === "basic") return /^Basic \S+$/.test(headers["authorization"] ?? "");
      if (s.type === "apiKey" && s.in === "header") return Boolean(headers[(s.name ?? "").toLowerCase()]);
      if (s.type === "apiKey" && s.in === "query") return Boolean(current?.query.get(s.name ?? ""));
      if (s.type === "apiKey" && s.in === "cookie") return (headers["cookie"] ?? "").includes(`${s.name}=`);
      return true;
    });
  }

  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const server = createServer(async (req, res) => {
    const recorded = await recordRequest(req);
    let path = recorded.path;
    if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length) || "/";
    const query = Object.fromEntries(
      [...new Set(recorded.query.keys())].map((k) => {
        const all = recorded.query.getAll(k);
        return [k, all.length > 1 ? all : all[0]!];
      }),
    );
    const request: BackendRequest = {
      method: recorded.method,
      path,
      query,
      headers: recorded.headers as BackendRequest["headers"],
      body: recorded.json ?? (recorded.rawBody || undefined),
    };
    // Drop the query keys that carry this operation's credentials (checked by the security handlers).
    const operation = api.matchOperation(request);
    const security = (operation?.security ?? definition.security ?? []) as Array<Record<string, unknown>>;
    for (const requirement of security) for (const scheme of Object.keys(requirement)) {
      const key = credentialQueryKeys.get(scheme);
      if (key) delete query[key];
    }
    current = { ...recorded, operationId: operation?.operationId };
    requests.push(current);
    const reply = (await api.handleRequest(request)) as Reply;
    sendReply(res, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    violations,
    override(operationId, reply) {
      overrides.set(operationId, reply);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
