// Drafts a changeset whose bump is the one the contract changes require and whose text is their
// human-readable summary, so changelogs describe API changes precisely.
import { writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { changesetSummary } from "./report.mjs";
import { CHANGESET_DIR } from "./workspace.mjs";

/** Writes `.changeset/contract-<vendor>-<hash>.md`; returns its path (relative to root). */
export function writeChangeset(root, { name, vendor, requiredBump, changes, spec }) {
  const summary = changes.length ? changesetSummary(changes) : `New API contract from ${spec}.`;
  const body = `---\n"${name}": ${requiredBump}\n---\n\nAPI contract changes in \`${spec}\`.\n\n${summary}\n`;
  const id = createHash("sha256").update(body).digest("hex").slice(0, 8);
  const file = path.join(CHANGESET_DIR, `contract-${vendor}-${id}.md`);
  mkdirSync(path.join(root, CHANGESET_DIR), { recursive: true });
  writeFileSync(path.join(root, file), body);
  return file;
}
