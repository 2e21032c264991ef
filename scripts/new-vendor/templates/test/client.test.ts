// The scaffolded client against the scaffolded fake, over a real loopback socket: every operation of
// the spec that needs no input answers as the spec documents it, bad input is refused before it is
// sent, and the error classes are core's. Extend it as the helper layer grows.
import type { OperationTable } from "@vendor-auth/core/internal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError, create__TITLE__Client, operations } from "../src/index.js";
import { start__TITLE__Fake, type __TITLE__Fake } from "../src/testing/index.js";

/** Operations callable without input: no required parameter, no required body, no credentials. */
const withoutInput = Object.entries(operations as OperationTable)
  .filter(([, facts]) => !facts.parameters.some((p) => p.required) && !facts.body?.required && facts.security.length === 0)
  .map(([id]) => id);

describe("create__TITLE__Client against start__TITLE__Fake", () => {
  let fake: __TITLE__Fake;
  beforeAll(async () => {
    fake = await start__TITLE__Fake();
  });
  afterAll(() => fake.close());

  it("calls every operation that needs no input; the fake sees each, and no request breaks the spec", async () => {
    expect(withoutInput.length, "the spec has no operation without input: call one with its input here").toBeGreaterThan(0);
    const client = create__TITLE__Client({ baseUrl: fake.url });
    for (const id of withoutInput) await (client.op as (id: string) => Promise<unknown>)(id);
    expect(fake.requests.map((r) => r.operationId)).toEqual(withoutInput);
    expect(fake.violations).toEqual([]);
  });

  it("refuses a bad base URL with a ValidationError before anything is sent", () => {
    expect(() => create__TITLE__Client({ baseUrl: "not a url" })).toThrow(ValidationError);
  });

  it("an injected 503 arrives as the typed error of core", async () => {
    const client = create__TITLE__Client({ baseUrl: fake.url, maxRetries: 0 });
    fake.failNext({ status: 503, body: { message: "test unavailable" } });
    await expect((client.op as (id: string) => Promise<unknown>)(withoutInput[0]!)).rejects.toMatchObject({ name: "InternalServerError", status: 503 });
  });
});
