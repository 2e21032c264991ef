import { inspect } from "node:util";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  apiErrorClassFor,
  createApiError,
} from "../src/internal.js";

describe("status → error class", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [410, GoneError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, ApiError],
  ])("%i → %o", (status, ErrorClass) => {
    expect(apiErrorClassFor(status)).toBe(ErrorClass);
    const error = createApiError({ status, body: { code: "X", message: "m" }, headers: {}, operation: "op" });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
  });

  it("builds a message from the operation, status, code and vendor text; serialises plainly", () => {
    const error = createApiError({ status: 400, statusText: "Bad Request", body: { code: "E1", message: "Nope", details: "More" }, headers: { "x-request-id": "r" }, operation: "op", requestId: "r", vendor: "v" });
    expect(error.message).toBe("op: HTTP 400 Bad Request [E1] Nope | More");
    const json = error.toJSON();
    expect(json).toMatchObject({ name: "BadRequestError", status: 400, code: "E1", requestId: "r", vendor: "v", operation: "op" });
    expect(inspect(error)).toContain("BadRequestError");
  });
});

describe("error bodies are typed as unknown, never any", () => {
  it("after instanceof, body is unknown (a check of its shape is needed before use)", () => {
    const error: unknown = createApiError({ status: 400, body: { code: "E1" }, headers: {} });
    if (error instanceof BadRequestError) {
      expectTypeOf(error.body).toBeUnknown();
      expectTypeOf(error.body).not.toBeAny();
    }
    expect(error).toBeInstanceOf(BadRequestError);
  });
});
