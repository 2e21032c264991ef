// @vendor-auth/contract-diff: the programmatic API behind `pnpm contract-diff` and `pnpm contract-check`.
export { diffDocuments } from "./diff.mjs";
export { RULES, bumpForLevel, isBreaking } from "./rules.mjs";
export { applyIgnores, changesetSummary, requiredBump, sortChanges, toJson, toMarkdown } from "./report.mjs";
export { InputError, loadDocument, parseDocument } from "./load.mjs";
export { checkContracts } from "./check.mjs";
export { compareSpecs } from "./compare.mjs";
