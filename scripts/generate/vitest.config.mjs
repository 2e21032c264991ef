// The generator's own tests (small specs in memory); see vitest.shared.ts for the limits.
export { default } from "../../vitest.shared.ts";
