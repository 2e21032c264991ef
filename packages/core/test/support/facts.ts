// Operation facts for core's own tests, shaped like a vendor's generated operations.gen.ts.
import type { OperationFacts } from "../../src/internal.js";

export function facts(overrides: Partial<OperationFacts> = {}): OperationFacts {
  return {
    method: "POST",
    path: "/op",
    tag: null,
    idempotent: false,
    security: [],
    parameters: [],
    body: null,
    response: { body: false, type: null },
    secrets: { request: [], response: [] },
    errors: {},
    ...overrides,
  };
}
