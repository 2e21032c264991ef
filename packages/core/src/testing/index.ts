// @vendor-auth/core/testing: the shared machinery of the vendor fakes (`@vendor-auth/<vendor>/testing`).
// Node only. Needs the optional peer dependencies openapi-backend and ajv-formats.
export { extendFake, startFakeServer } from "./fake-server.js";
export type { FakeCredential, FakeFailure, FakeFaultTarget, FakeHandler, FakeHeaders, FakeProblem, FakeReply, FakeRequest, FakeServer, FakeServerOptions, FakeViolation } from "./fake-server.js";
export { createManualClock, DEFAULT_CLOCK_START } from "./clock.js";
export type { ManualClock } from "./clock.js";
export { nodeHttpFetch } from "./node-http-fetch.js";
export { fakeSecret, randomAlphanumeric, randomHex } from "./ids.js";
export { bearerTokenOf, queryBoolean, queryInteger } from "./request-helpers.js";
