// @vendor-auth/testing/suite: the parts that run inside vitest (its hooks and `expect`), apart from
// the framework-neutral `.` entry so that importing a fake never loads vitest. vitest is an
// optional peer dependency: only this entry needs it.
export { HOUR_MS, LONG_TEST_MS, describeFaultInjection, serialisedForms } from "./fault-suite.js";
export type { FaultCallOptions, FaultOperation, FaultPassthrough, FaultSuite, FaultTransport } from "./fault-suite.js";
export { useLoopbackServer } from "./use-loopback-server.js";
