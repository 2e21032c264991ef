// The CLI and end-to-end tests start node and git processes; see vitest.shared.ts for the limits.
export { default } from "../../vitest.shared.ts";
