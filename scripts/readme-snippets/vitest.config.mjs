// Snippet type-checks (two tsc programs) and runs (one fake each); see vitest.shared.ts for the limits.
export { default } from "../../vitest.shared";
