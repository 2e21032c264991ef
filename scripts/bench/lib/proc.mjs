// Runs a command to completion and times it (wall clock), keeping its output for checks and errors.
import { spawn } from "node:child_process";

export function runTimed(command, args, { cwd, env = {}, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let stdout = "";
    child.stdout.on("data", (chunk) => ((output += chunk), (stdout += chunk)));
    child.stderr.on("data", (chunk) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      // `timedOut`: stopped by us (a JVM answers SIGTERM with exit code 143, not a signal).
      // `output`: stdout and stderr as they came (for errors); `stdout` alone (for parsing).
      resolve({ code, timedOut, ms: performance.now() - start, output, stdout });
    });
  });
}

/** Runs a command that must succeed; throws with the end of its output otherwise. */
export async function runChecked(command, args, options) {
  const result = await runTimed(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.code}:\n${result.output.split("\n").slice(-25).join("\n")}`);
  return result;
}
