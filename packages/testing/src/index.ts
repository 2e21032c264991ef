// @vendor-auth/testing: loopback servers for tests of code that calls the vendors' APIs (Node only).
// The vendors' `./testing` fakes are built on `startFakeServer`; `startSpecMockServer` answers any
// spec from its own examples; `startLoopbackServer` records requests and answers what a test says.
// Framework-neutral: the vitest-only fault suite is in `@vendor-auth/testing/suite`.
export { extendFake, startFakeServer } from "./fake-server.js";
export type { FakeCredential, FakeFailure, FakeFaultTarget, FakeHandler, FakeHeaders, FakeProblem, FakeReply, FakeRequest, FakeServer, FakeServerOptions, FakeViolation } from "./fake-server.js";
export { startSpecMockServer } from "./spec-mock-server.js";
export type { SpecMockOptions, SpecMockServer } from "./spec-mock-server.js";
export { startLoopbackServer } from "./loopback-server.js";
export type { Handler, LoopbackServer, RecordedRequest, Reply } from "./loopback-server.js";
export { createManualClock, DEFAULT_CLOCK_START } from "./clock.js";
export type { ManualClock } from "./clock.js";
export { nodeHttpFetch } from "./node-http-fetch.js";
export { fakeSecret, randomAlphanumeric, randomHex } from "./ids.js";
export { bearerTokenOf, queryBoolean, queryInteger } from "./request-helpers.js";
