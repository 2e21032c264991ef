#!/usr/bin/env node
// Validates .github/workflows/ with actionlint (github.com/rhysd/actionlint). The binary is built
// once with `go install` (Go from the PATH, module from the Go module proxy) into
// node_modules/.cache/actionlint/<version>/ and reused. shellcheck and pyflakes integration are
// off, so that the result does not depend on what else the machine has installed.
//
//   pnpm actionlint
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const VERSION = "v1.7.12";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(root, "node_modules/.cache/actionlint", VERSION);
const exe = path.join(bin, process.platform === "win32" ? "actionlint.exe" : "actionlint");

if (!existsSync(exe)) {
  mkdirSync(bin, { recursive: true });
  console.log(`actionlint: building ${VERSION} with go install (once)`);
  const built = spawnSync("go", ["install", `github.com/rhysd/actionlint/cmd/actionlint@${VERSION}`], { stdio: "inherit", env: { ...process.env, GOBIN: bin, CGO_ENABLED: "0" } });
  if (built.error || built.status !== 0) {
    console.error(`actionlint: go install failed${built.error ? ` (${built.error.message}; is Go on the PATH?)` : ""}`);
    process.exit(2);
  }
}
const result = spawnSync(exe, ["-shellcheck=", "-pyflakes=", "-no-color"], { cwd: root, stdio: "inherit" });
if (result.status === 0) console.log("actionlint: .github/workflows/ is valid");
process.exit(result.status ?? 2);
