import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** An absolute path inside the repository, e.g. repoPath("specs/unicourt.yaml"). */
export const repoPath = (...segments: string[]) => path.join(root, ...segments);
