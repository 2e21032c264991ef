export { startLoopbackServer, recordRequest, sendReply, readBody, parseJson } from "./loopback-server.js";
export type { Handler, LoopbackServer, RecordedRequest, Reply } from "./loopback-server.js";
export { startSpecMockServer } from "./spec-mock-server.js";
export { useLoopbackServer } from "./use-loopback-server.js";
export { HOUR_MS, LONG_TEST_MS, describeFaultInjection, serialisedForms } from "./fault-suite.js";
export type { FaultCallOptions, FaultOperation, FaultPassthrough, FaultSuite, FaultTransport } from "./fault-suite.js";
export type { MockedRequest, SpecMockOptions, SpecMockServer, Violation } from "./spec-mock-server.js";
export { repoPath } from "./paths.js";
