// Runs a binary from node_modules/.bin and collects its output (shown only when it fails).
import { spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./paths.mjs";

export function run(bin, args, { cwd = repoRoot, env = {} } = {}) {
  const binPath = path.join(repoRoot, "node_modules", ".bin", bin);
  return new Promise((resolve, reject) => {
    const child = spawn(binPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
