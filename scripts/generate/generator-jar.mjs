// Makes sure the openapi-generator JAR pinned in openapitools.json is on disk before the CLI runs.
// The CLI would download it itself, but its downloader fails behind TLS-intercepting proxies that
// Node does not trust; Maven (which this project's machines have, with their own trust settings)
// is the fallback: `mvn dependency:copy` straight from Maven Central into the CLI's storage dir.
// `ensureMavenJar` does the same for any JAR on Maven Central (the vendor-client suite uses it for
// swagger-codegen-cli).
import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "./paths.mjs";

export async function generatorConfig() {
  const file = path.join(repoRoot, "openapitools.json");
  const config = JSON.parse(await readFile(file, "utf8"))["generator-cli"];
  return { file, version: config.version, storageDir: path.resolve(repoRoot, config.storageDir) };
}

export async function ensureGeneratorJar() {
  const { version, storageDir } = await generatorConfig();
  return ensureMavenJar({ group: "org.openapitools", artifact: "openapi-generator-cli", version, jar: path.join(storageDir, `${version}.jar`) });
}

/**
 * `group:artifact:version` from Maven Central at `jar` (kept when already there). With `sha256`,
 * a JAR whose digest differs is refused (and not kept).
 */
export async function ensureMavenJar({ group, artifact, version, jar, sha256 }) {
  const verified = async (file) => {
    if (!sha256) return true;
    const digest = createHash("sha256").update(await readFile(file)).digest("hex");
    if (digest === sha256) return true;
    throw new Error(`${group}:${artifact}:${version}: sha256 ${digest} of ${file} is not the pinned ${sha256}`);
  };
  if (existsSync(jar) && statSync(jar).size > 1_000_000 && (await verified(jar))) return jar;
  await mkdir(path.dirname(jar), { recursive: true });
  const url = `https://repo1.maven.org/maven2/${group.replaceAll(".", "/")}/${artifact}/${version}/${artifact}-${version}.jar`;
  const problems = [];
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await writeFile(`${jar}.part`, Buffer.from(await response.arrayBuffer()));
    await verified(`${jar}.part`);
    await rename(`${jar}.part`, jar);
    return jar;
  } catch (error) {
    await rm(`${jar}.part`, { force: true });
    problems.push(`download from Maven Central: ${error.cause?.message ?? error.message}`);
  }
  const scratch = await mkdtemp(path.join(tmpdir(), `${artifact}-jar-`));
  try {
    const mvn = spawnSync("mvn", ["-q", "-B", "dependency:copy", `-Dartifact=${group}:${artifact}:${version}`, `-DoutputDirectory=${scratch}`], { encoding: "utf8" });
    if (mvn.status === 0) {
      const copied = path.join(scratch, `${artifact}-${version}.jar`);
      await verified(copied);
      await rename(copied, jar);
      return jar;
    }
    problems.push(`mvn dependency:copy: ${mvn.error?.message ?? (mvn.stdout + mvn.stderr).trim().split("\n").slice(-3).join(" ")}`);
  } catch (error) {
    problems.push(`mvn dependency:copy: ${error.message}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  throw new Error(`Could not get ${group}:${artifact}:${version}:\n  - ${problems.join("\n  - ")}\nInstall Java 17+ and Maven, or place the JAR at ${jar}.`);
}
