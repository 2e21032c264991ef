// Collects changes, reporting each distinct change once: a change inside a shared component is
// found at every operation that uses it, and reported at the first one.
import { RULES } from "./rules.mjs";

/**
 * @typedef {{ rule: string, level: import("./rules.mjs").Level, direction: import("./rules.mjs").Direction,
 *   operation: string | null, pointer: string, message: string }} Change
 */

export class Collector {
  /** @type {Change[]} */
  changes = [];
  #seen = new Set();

  /**
   * @param {string} rule a key of RULES
   * @param {{ operation?: string | null, pointer: string, message: string, level?: string, direction?: string }} details
   */
  add(rule, { operation = null, pointer, message, level, direction }) {
    const definition = RULES[rule];
    if (!definition) throw new Error(`unknown rule ${rule}`);
    const change = {
      rule,
      level: level ?? definition.level,
      direction: direction ?? definition.direction,
      operation,
      pointer,
      message,
    };
    const key = `${change.rule}|${change.pointer}|${change.level}|${change.direction}|${change.message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.changes.push(change);
  }
}
