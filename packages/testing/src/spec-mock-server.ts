// A mock server that validates every request against an OpenAPI spec and answers from the spec:
// the fake server (fake-server.ts) with the spec's own examples in place of a vendor's handlers.
// openapi-backend (Ajv) does the validation and the mocking; see shared/reference/contract-diff.md
// §6 for why it was chosen over Prism on Node 20.
//
// A request that breaks the spec (unknown path, wrong method, bad parameter or body, missing
// credentials) is answered 400/401/404 with the reasons and recorded in `violations`, so a
// contract test can assert that there were none. Every answer is itself validated against the
// spec, so a spec whose examples contradict its schemas fails the test too.
import { startSpecServer, type FakeHandler, type FakeReply, type FakeServer } from "./fake-server.js";

/** A fake whose answers are the spec's own examples (`failNext`, `delayNext`, `resetNext` work as on any fake). */
export interface SpecMockServer extends FakeServer {
  /** Answers one operation with a chosen reply instead of the spec's example (validated too), for the rest of the mock's life. */
  override(operationId: string, reply: FakeReply | FakeHandler): void;
}

export interface SpecMockOptions {
  /** A path prefix the spec's paths live under on this server (e.g. a server URL's path). */
  basePath?: string | undefined;
}

/** Starts a spec mock on a loopback port for `spec` (a spec as an object, e.g. a package's `src/generated/spec.gen.ts`). */
export async function startSpecMockServer(spec: Record<string, unknown>, options: SpecMockOptions = {}): Promise<SpecMockServer> {
  const overrides: Record<string, FakeHandler> = {};
  const operationIds = new Set(
    Object.values((spec["paths"] ?? {}) as Record<string, Record<string, { operationId?: string }>>).flatMap((item) => Object.values(item).map((operation) => operation?.operationId)),
  );
  const server = await startSpecServer(
    {
      vendor: String((spec["info"] as { title?: unknown } | undefined)?.title ?? "spec"),
      spec,
      handlers: overrides,
      basePath: options.basePath,
      errorBody: (problem) => ({ mockServer: problem.message, errors: problem.details }),
    },
    { answerFromSpec: true, missingCredentialsAreViolations: true, checkRefusals: false },
  );
  return Object.assign(server, {
    override(operationId: string, reply: FakeReply | FakeHandler) {
      if (!operationIds.has(operationId)) throw new TypeError(`override: "${operationId}" is no operationId of the spec`);
      overrides[operationId] = typeof reply === "function" ? reply : () => reply;
    },
  });
}
