// Drafts a changeset whose bump is the one the contract changes require and whose text is their
// summary in the package's terms (SDK and helper methods, models and fields), so changelogs
// describe API changes precisely.
import { writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { changesetSummary } from "./report.mjs";
import { describer, helperMethods } from "./terms.mjs";
import { CHANGESET_DIR } from "./workspace.mjs";

/** Writes `.changeset/contract-<vendor>-<hash>.md`; returns its path (relative to root). */
export function writeChangeset(root, { name, vendor, requiredBump, changes, spec, baseDoc, headDoc, extra = [] }) {
  const describe = baseDoc && headDoc ? describer({ baseDoc, headDoc, helpers: helperMethods(root, vendor) }) : undefined;
  const specPart = changes.length ? changesetSummary(changes, describe) : /\.ya?ml$/.test(spec) ? `New API contract from \`${spec}\`.` : "";
  const parts = [specPart, ...extra].filter(Boolean);
  const intro = /\.ya?ml$/.test(spec) ? `API contract changes in \`${spec}\`.` : "TypeScript API changes.";
  const body = `---\n"${name}": ${requiredBump}\n---\n\n${intro}\n\n${parts.join("\n\n")}\n`;
  const id = createHash("sha256").update(body).digest("hex").slice(0, 8);
  const file = path.join(CHANGESET_DIR, `contract-${vendor}-${id}.md`);
  mkdirSync(path.join(root, CHANGESET_DIR), { recursive: true });
  writeFileSync(path.join(root, file), body);
  return file;
}
