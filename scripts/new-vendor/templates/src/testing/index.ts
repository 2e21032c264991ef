// @vendor-auth/__VENDOR__/testing: a fake of the __API_TITLE__ on 127.0.0.1 for your tests (Node only;
// needs @vendor-auth/testing, an optional peer dependency). As `pnpm new-vendor` scaffolds it, the fake
// answers every operation with the spec's own example, checks every request and answer against
// specs/__VENDOR__.yaml, and can be told to fail (`failNext`, `delayNext`, `resetNext`); give an
// operation state of its own with `fake.override(operationId, handler)`, or write handlers on
// `startFakeServer` as the other vendor packages do.
import { startSpecMockServer, type SpecMockServer } from "@vendor-auth/testing";
import spec from "../generated/spec.gen.js";

export type { FakeRequest, FakeViolation } from "@vendor-auth/testing";

/** The fake: a spec mock of the __TITLE__ API. */
export type __TITLE__Fake = SpecMockServer;

/** Starts the fake on a free loopback port: `await using fake = await start__TITLE__Fake()`. */
export function start__TITLE__Fake(): Promise<__TITLE__Fake> {
  return startSpecMockServer(spec);
}
