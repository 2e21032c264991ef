// Where contract-diff's time goes on one pair of specs, in process: YAML parsing (the `yaml`
// package contract-diff uses), loading (parse + document checks, parseDocument) and the diff itself
// (diffDocuments). Also JSON.parse of the same documents as JSON, for comparison.
// Usage: node lib/contract-diff-breakdown.mjs <base.yaml> <head.yaml> <base.json> <head.json>
import { readFileSync } from "node:fs";
import { diffDocuments, parseDocument } from "../../contract-diff/src/index.mjs";
import { fromRoot, resolveFrom } from "./paths.mjs";

const { parse } = await import(resolveFrom(fromRoot("scripts/contract-diff"), "yaml").url);
const [baseYaml, headYaml, baseJson, headJson] = process.argv.slice(2).map((file) => readFileSync(file, "utf8"));
const time = (fn) => {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
};
const [yamlParseMs] = time(() => [parse(baseYaml), parse(headYaml)]);
const [jsonParseMs] = time(() => [JSON.parse(baseJson), JSON.parse(headJson)]);
const [loadMs, docs] = time(() => [parseDocument(baseYaml, "base"), parseDocument(headYaml, "head")]);
const [diffMs, changes] = time(() => diffDocuments(docs[0], docs[1]));
process.stdout.write(JSON.stringify({ yamlParseMs, jsonParseMs, loadMs, diffMs, changes: changes.length }));
