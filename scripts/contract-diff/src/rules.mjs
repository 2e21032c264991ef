// The rule catalogue, built from the check registry (src/checks/: one file per rule). Rules 1-36 are
// the set of shared/reference/contract-diff.md §8 (ids, levels and directions as given there); the
// rest are the non-breaking findings that keep changelogs precise, and the rules added since.
//
// Levels: major (breaks users: needs a major bump), warn (breaks unless an ignore entry accepts
// it: treated as major), minor (additive), patch (docs and other harmless edits).
// Directions: request, response, both (media types, keywords), none (document/operation surface).
import { CHECKS } from "./checks/index.mjs";

/** @typedef {"major"|"warn"|"minor"|"patch"} Level */
/** @typedef {"request"|"response"|"both"|"none"} Direction */

/** @type {Record<string, { n?: number, level: Level, direction: Direction, layer: string, title: string }>} */
export const RULES = Object.fromEntries(CHECKS.map(({ id, n, level, direction, layer, title }) => [id, { ...(n ? { n } : {}), level, direction, layer, title }]));

export const LEVEL_ORDER = { none: 0, patch: 1, minor: 2, warn: 3, major: 3 };
export const BUMP_ORDER = { none: 0, patch: 1, minor: 2, major: 3 };

/** The semver bump a level requires: warn counts as major. */
export const bumpForLevel = (level) => (level === "warn" ? "major" : level);

export const isBreaking = (level) => level === "major" || level === "warn";
