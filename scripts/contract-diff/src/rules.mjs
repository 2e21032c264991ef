// The rule catalogue: every change the diff can report, with its id, default level and direction.
// Rules 1-36 are the set of shared/reference/contract-diff.md §8 (ids, levels and directions as
// given there); the rest are the non-breaking findings that keep changelogs precise.
//
// Levels: major (breaks users: needs a major bump), warn (breaks unless an ignore entry accepts
// it: treated as major), minor (additive), patch (docs and other harmless edits).
// Directions: request, response, both (media types), none (document/operation surface).

/** @typedef {"major"|"warn"|"minor"|"patch"} Level */
/** @typedef {"request"|"response"|"both"|"none"} Direction */

/** @type {Record<string, { n?: number, level: Level, direction: Direction, layer: "wire"|"sdk"|"wire+sdk"|"policy", title: string }>} */
export const RULES = {
  // A. Operations and endpoint surface
  "operation-removed": { n: 1, level: "major", direction: "none", layer: "wire+sdk", title: "operation removed" },
  "operation-id-changed": { n: 2, level: "major", direction: "none", layer: "sdk", title: "operationId renamed or removed" },
  "tag-changed": { n: 3, level: "major", direction: "none", layer: "sdk", title: "first tag (generated API class) changed" },
  "success-response-removed": { n: 4, level: "major", direction: "response", layer: "wire+sdk", title: "success response removed" },
  "media-type-removed": { n: 5, level: "major", direction: "both", layer: "wire", title: "media type removed" },
  "security-tightened": { n: 6, level: "major", direction: "request", layer: "wire", title: "security requirement added or alternative removed" },
  "security-scheme-changed": { n: 7, level: "major", direction: "none", layer: "wire+sdk", title: "security scheme changed or removed" },
  "server-url-changed": { n: 8, level: "warn", direction: "none", layer: "sdk", title: "default server URL changed" },
  "component-schema-removed": { n: 9, level: "major", direction: "none", layer: "sdk", title: "component schema removed or renamed" },
  // B. Parameters
  "param-added-required": { n: 10, level: "major", direction: "request", layer: "wire+sdk", title: "required parameter added" },
  "param-became-required": { n: 11, level: "major", direction: "request", layer: "wire+sdk", title: "parameter became required" },
  "param-removed": { n: 12, level: "major", direction: "request", layer: "sdk", title: "parameter removed" },
  "path-param-renamed": { n: 13, level: "major", direction: "request", layer: "sdk", title: "path parameter renamed" },
  "param-type-narrowed": { n: 14, level: "major", direction: "request", layer: "wire+sdk", title: "parameter type narrowed" },
  "param-enum-narrowed": { n: 15, level: "major", direction: "request", layer: "wire+sdk", title: "parameter enum narrowed" },
  "param-constraint-tightened": { n: 16, level: "major", direction: "request", layer: "wire", title: "parameter constraint tightened" },
  "param-serialization-changed": { n: 17, level: "major", direction: "request", layer: "wire", title: "parameter serialisation changed" },
  "param-default-changed": { n: 18, level: "warn", direction: "request", layer: "wire", title: "parameter default changed" },
  // C. Request bodies
  "request-body-required": { n: 19, level: "major", direction: "request", layer: "wire+sdk", title: "request body became required" },
  "request-body-removed": { n: 20, level: "major", direction: "request", layer: "wire+sdk", title: "request body removed" },
  "request-property-added-required": { n: 21, level: "major", direction: "request", layer: "wire+sdk", title: "required request property added" },
  "request-property-became-required": { n: 22, level: "major", direction: "request", layer: "wire+sdk", title: "request property became required" },
  "request-property-removed": { n: 23, level: "major", direction: "request", layer: "sdk", title: "request property removed" },
  "request-type-narrowed": { n: 24, level: "major", direction: "request", layer: "wire+sdk", title: "request type narrowed" },
  "request-enum-narrowed": { n: 25, level: "major", direction: "request", layer: "wire+sdk", title: "request enum narrowed" },
  "request-constraint-tightened": { n: 26, level: "major", direction: "request", layer: "wire", title: "request constraint tightened" },
  "request-discriminator-changed": { n: 27, level: "warn", direction: "request", layer: "sdk", title: "request discriminator changed" },
  // D. Responses
  "response-property-removed": { n: 28, level: "major", direction: "response", layer: "wire+sdk", title: "response property removed" },
  "response-property-became-optional": { n: 29, level: "major", direction: "response", layer: "wire+sdk", title: "response property became optional" },
  "response-became-nullable": { n: 30, level: "major", direction: "response", layer: "wire+sdk", title: "response value became nullable" },
  "response-type-widened": { n: 31, level: "major", direction: "response", layer: "wire+sdk", title: "response type widened" },
  "response-enum-widened": { n: 32, level: "major", direction: "response", layer: "wire+sdk", title: "response enum value added" },
  "response-constraint-loosened": { n: 33, level: "warn", direction: "response", layer: "wire", title: "response constraint loosened" },
  "response-header-weakened": { n: 34, level: "major", direction: "response", layer: "wire", title: "response header removed or weakened" },
  // E. Lifecycle and policy
  "removed-before-sunset": { n: 35, level: "major", direction: "none", layer: "policy", title: "removed before its sunset date, or deprecated without a valid x-sunset" },
  "bump-too-small": { n: 36, level: "major", direction: "none", layer: "policy", title: "declared version bump smaller than required" },

  // Non-breaking findings, for precise changelogs.
  "operation-added": { level: "minor", direction: "none", layer: "wire+sdk", title: "operation added" },
  "operation-deprecated": { level: "minor", direction: "none", layer: "sdk", title: "operation deprecated" },
  "param-added-optional": { level: "minor", direction: "request", layer: "wire+sdk", title: "optional parameter added" },
  "param-became-optional": { level: "minor", direction: "request", layer: "wire+sdk", title: "parameter became optional" },
  "request-body-added-optional": { level: "minor", direction: "request", layer: "wire+sdk", title: "optional request body added" },
  "request-body-became-optional": { level: "minor", direction: "request", layer: "wire+sdk", title: "request body became optional" },
  "request-property-added-optional": { level: "minor", direction: "request", layer: "wire+sdk", title: "optional request property added" },
  "request-property-became-optional": { level: "minor", direction: "request", layer: "wire+sdk", title: "request property became optional" },
  "request-type-widened": { level: "minor", direction: "request", layer: "wire+sdk", title: "request type widened" },
  "request-enum-widened": { level: "minor", direction: "request", layer: "wire+sdk", title: "request enum value added" },
  "request-constraint-loosened": { level: "minor", direction: "request", layer: "wire", title: "request constraint loosened" },
  "response-property-added": { level: "minor", direction: "response", layer: "wire+sdk", title: "response property added" },
  "response-property-became-required": { level: "patch", direction: "response", layer: "wire+sdk", title: "response property became required" },
  "response-type-narrowed": { level: "patch", direction: "response", layer: "wire+sdk", title: "response type narrowed" },
  "response-enum-narrowed": { level: "patch", direction: "response", layer: "wire+sdk", title: "response enum value removed" },
  "response-constraint-tightened": { level: "patch", direction: "response", layer: "wire", title: "response constraint tightened" },
  "response-status-added": { level: "minor", direction: "response", layer: "wire+sdk", title: "response status added" },
  "response-status-removed": { level: "patch", direction: "response", layer: "wire", title: "non-success response status removed" },
  "response-header-added": { level: "minor", direction: "response", layer: "wire", title: "response header added" },
  "media-type-added": { level: "minor", direction: "both", layer: "wire", title: "media type added" },
  "security-loosened": { level: "minor", direction: "request", layer: "wire", title: "security requirement alternative added" },
  "security-scheme-added": { level: "minor", direction: "none", layer: "sdk", title: "security scheme added" },
  "server-changed": { level: "patch", direction: "none", layer: "sdk", title: "non-default server added, removed or changed" },
  "component-schema-added": { level: "minor", direction: "none", layer: "sdk", title: "component schema added" },
  "discriminator-changed": { level: "patch", direction: "response", layer: "sdk", title: "response discriminator changed" },
  "docs-changed": { level: "patch", direction: "none", layer: "wire", title: "documentation changed (summary, description, example, title)" },
};

export const LEVEL_ORDER = { none: 0, patch: 1, minor: 2, warn: 3, major: 3 };
export const BUMP_ORDER = { none: 0, patch: 1, minor: 2, major: 3 };

/** The semver bump a level requires: warn counts as major. */
export const bumpForLevel = (level) => (level === "warn" ? "major" : level);

export const isBreaking = (level) => level === "major" || level === "warn";
