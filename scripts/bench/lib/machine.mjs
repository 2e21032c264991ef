// The machine and the tool versions a run was made with, for the head of BENCHMARKS.md.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { fromRoot, resolveFrom } from "./paths.mjs";

const version = (file) => {
  try {
    return JSON.parse(readFileSync(fromRoot(file), "utf8")).version;
  } catch {
    return "not installed";
  }
};
const command = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0];
  } catch {
    return "not found";
  }
};

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

export function tools() {
  // `java -version` writes to stderr.
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  return {
    pnpm: command("pnpm", ["-v"]),
    turbo: version("node_modules/turbo/package.json"),
    typescript: version("node_modules/typescript/package.json"),
    "openapi-typescript": version("node_modules/openapi-typescript/package.json"),
    "openapi-fetch": resolveFrom(fromRoot("packages/core"), "openapi-fetch").version,
    "openapi-generator (JAR)": JSON.parse(readFileSync(fromRoot("openapitools.json"), "utf8"))["generator-cli"].version,
    java: java.error ? "not found" : (java.stderr || java.stdout).trim().split("\n")[0],
    mitata: version("node_modules/mitata/package.json"),
    esbuild: resolveFrom(fromRoot("node_modules/tsup"), "esbuild").version,
    undici: process.versions.undici,
    v8: process.versions.v8,
  };
}
