// Prepares the vendors' own Python clients for the vendor-client suite (issue 14): one Python 3.11
// venv per set of pinned requirements (requirements/*.txt), and the BlueJeans client generated from
// the vendor's Swagger file (fixtures/bluejeans) with the vendor's generator, swagger-codegen-cli
// 2.2.2 from Maven Central. Everything lands in tests/vendor-clients/.work/ (not committed); a set
// whose inputs did not change is kept, so a second run takes no time.
//
//   node tests/vendor-clients/setup.mjs        (run.mjs calls it first)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureMavenJar } from "../../scripts/generate/generator-jar.mjs";

export const suiteDir = path.dirname(fileURLToPath(import.meta.url));
export const workDir = path.join(suiteDir, ".work");

const SWAGGER_CODEGEN = {
  group: "io.swagger",
  artifact: "swagger-codegen-cli",
  version: "2.2.2",
  sha256: "d4e640503482a423ae97e3f487347c9e08cc0e34d90e360ed7de987cfad24299",
};
const BLUEJEANS_SWAGGER = path.join(suiteDir, "fixtures", "bluejeans", "swagger.yaml");

/** The venvs: `current` has every vendor's current client; the others, UniCourt's older generations. */
export const VENV_SETS = {
  current: { requirements: "current.txt", bluejeans: true },
  "unicourt-1.0.1": { requirements: "unicourt-1.0.1.txt", bluejeans: false },
  "unicourt-1.0": { requirements: "unicourt-1.0.txt", bluejeans: false },
};

const sha256 = (data) => createHash("sha256").update(data).digest("hex");

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status}:\n${output}`);
  }
  return result.stdout;
}

/** Python 3.11 from the machine (the pins are for 3.11): $VENDOR_CLIENTS_PYTHON, python3.11 or python3. */
export function findPython() {
  const candidates = [process.env.VENDOR_CLIENTS_PYTHON, "python3.11", "python3"].filter(Boolean);
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
    if (probe.status === 0 && probe.stdout.trim() === "3.11") return candidate;
  }
  throw new Error(`Python 3.11 is needed for the vendor-client suite (tried ${candidates.join(", ")}); set VENDOR_CLIENTS_PYTHON to its path`);
}

/** Generates the BlueJeans Python client (package `swagger_client`) as the vendor's build/build.sh did. */
async function generateBlueJeansClient(log) {
  const out = path.join(workDir, "bluejeans-python");
  const swagger = await readFile(BLUEJEANS_SWAGGER);
  const stamp = path.join(out, ".generated-from");
  const inputs = `${sha256(swagger)} swagger-codegen-cli ${SWAGGER_CODEGEN.version}`;
  if (existsSync(stamp) && (await readFile(stamp, "utf8")) === inputs) return out;
  const jar = await ensureMavenJar({ ...SWAGGER_CODEGEN, jar: path.join(workDir, `swagger-codegen-cli-${SWAGGER_CODEGEN.version}.jar`) });
  log(`generating the BlueJeans Python client with swagger-codegen-cli ${SWAGGER_CODEGEN.version}`);
  await rm(out, { recursive: true, force: true });
  run("java", ["-jar", jar, "generate", "-i", BLUEJEANS_SWAGGER, "-l", "python", "-o", out]);
  await writeFile(stamp, inputs);
  return out;
}

/** Creates (or keeps) every venv; returns the python executable of each set. */
export async function setupVendorClients({ log = (line) => console.log(`[vendor-clients] ${line}`) } = {}) {
  await mkdir(workDir, { recursive: true });
  const python = findPython();
  const bluejeans = await generateBlueJeansClient(log);
  const bluejeansStamp = await readFile(path.join(bluejeans, ".generated-from"), "utf8");
  const pythons = {};
  for (const [name, set] of Object.entries(VENV_SETS)) {
    const venv = path.join(workDir, `venv-${name}`);
    const bin = path.join(venv, process.platform === "win32" ? "Scripts" : "bin");
    pythons[name] = path.join(bin, "python");
    const requirements = path.join(suiteDir, "requirements", set.requirements);
    const inputs = [sha256(await readFile(requirements)), set.bluejeans ? bluejeansStamp : ""].join("\n");
    const stamp = path.join(venv, ".installed-from");
    if (existsSync(stamp) && (await readFile(stamp, "utf8")) === inputs) continue;
    log(`creating venv ${name} (${set.requirements})`);
    await rm(venv, { recursive: true, force: true });
    run(python, ["-m", "venv", venv]);
    const pip = [pythons[name], "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet"];
    run(pip[0], [...pip.slice(1), "-r", requirements]);
    // The generated client's own dependencies (urllib3, six, certifi, python-dateutil) are pinned in current.txt.
    if (set.bluejeans) run(pip[0], [...pip.slice(1), "--no-deps", bluejeans]);
    await writeFile(stamp, inputs);
  }
  return pythons;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pythons = await setupVendorClients();
  for (const [name, python] of Object.entries(pythons)) console.log(`${name}: ${python}`);
}
