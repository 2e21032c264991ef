// Makes sure the openapi-generator JAR pinned in openapitools.json is on disk before the CLI runs.
// The CLI would download it itself, but its downloader fails behind TLS-intercepting proxies that
// Node does not trust; Maven (which this project's machines have, with their own trust settings)
// is the fallback: `mvn dependency:copy` straight from Maven Central into the CLI's storage dir.
import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "./paths.mjs";

const GROUP = "org.openapitools";
const ARTIFACT = "openapi-generator-cli";

export async function generatorConfig() {
  const file = path.join(repoRoot, "openapitools.json");
  const config = JSON.parse(await readFile(file, "utf8"))["generator-cli"];
  return { file, version: config.version, storageDir: path.resolve(repoRoot, config.storageDir) };
}

export async function ensureGeneratorJar() {
  const { version, storageDir } = await generatorConfig();
  const jar = path.join(storageDir, `${version}.jar`);
  if (existsSync(jar) && statSync(jar).size > 1_000_000) return jar;
  await mkdir(storageDir, { recursive: true });
  const url = `https://repo1.maven.org/maven2/${GROUP.replaceAll(".", "/")}/${ARTIFACT}/${version}/${ARTIFACT}-${version}.jar`;
  const problems = [];
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await writeFile(`${jar}.part`, Buffer.from(await response.arrayBuffer()));
    await rename(`${jar}.part`, jar);
    return jar;
  } catch (error) {
    problems.push(`download from Maven Central: ${error.cause?.message ?? error.message}`);
  }
  const scratch = await mkdtemp(path.join(tmpdir(), "openapi-generator-jar-"));
  try {
    const mvn = spawnSync("mvn", ["-q", "-B", "dependency:copy", `-Dartifact=${GROUP}:${ARTIFACT}:${version}`, `-DoutputDirectory=${scratch}`], { encoding: "utf8" });
    if (mvn.status === 0) {
      await rename(path.join(scratch, `${ARTIFACT}-${version}.jar`), jar);
      return jar;
    }
    problems.push(`mvn dependency:copy: ${mvn.error?.message ?? (mvn.stdout + mvn.stderr).trim().split("\n").slice(-3).join(" ")}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  throw new Error(`Could not get openapi-generator ${version}:\n  - ${problems.join("\n  - ")}\nInstall Java 17+ and Maven, or place the JAR at ${jar}.`);
}
