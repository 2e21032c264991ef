// Reads oasdiff's checker tests (checker/*_test.go) and turns each test that diffs two spec files
// from data/ and asserts a verdict into a case: { test, file, family, base, revision, label, ids }.
//
// A test is a case when: it loads exactly two spec files by literal path (open("…"), l(t, N),
// d(t, cfg, N, M), loadFrom(t, "…", N), deprecationFile("…") and its siblings); it does not edit
// the loaded specs in code (`.Spec.` assignments) and does not change levels or the deprecation
// policy through its config; and it asserts either rule ids (whose levels come from
// checker/rules.go, or from an explicit `Level:` in the test) or that no change is reported.
// label = "breaking" when an asserted id is ERR or WARN, else "not-breaking".

const DATA_HELPERS = { deprecationFile: "deprecation", paramDeprecationFile: "param-deprecation", requiredPropertyFile: "required-properties", stabilityFile: "stability" };

/** checker/rules.go and the Id constants: Go constant name → { id, level }. */
export function readRules(goFiles) {
  const idOfConst = new Map();
  for (const text of goFiles.values()) {
    for (const m of text.matchAll(/^\s+([A-Z][A-Za-z0-9]*Id)\s*=\s*"([a-z0-9-]+)"/gm)) idOfConst.set(m[1], m[2]);
  }
  const rulesGo = goFiles.get("checker/rules.go") ?? "";
  const levelOfConst = new Map();
  for (const m of rulesGo.matchAll(/newBackwardCompatibilityRule\(\s*([A-Za-z0-9]+Id),\s*(ERR|WARN|INFO)/g)) levelOfConst.set(m[1], m[2]);
  const rules = new Map();
  for (const [name, id] of idOfConst) rules.set(name, { id, level: levelOfConst.get(name) });
  return rules;
}

/** The family a test file belongs to (its check's area in oasdiff). */
export function familyOf(file) {
  const name = file.replace(/^checker\//, "").replace(/_test\.go$/, "");
  if (/security/.test(name)) return "security";
  if (/sunset|deprecation|stability/.test(name)) return "deprecation and sunset";
  if (/^check_webhook/.test(name)) return "webhooks";
  if (/^check_api_/.test(name)) return "operations (paths, operationIds, tags)";
  if (/^check_(request_parameter|new_request_non_path)/.test(name)) return "request parameters";
  if (/^check_request_(property|body)|request_discriminator|check_breaking_request/.test(name)) return "request bodies";
  if (/^check_response_|check_breaking_response/.test(name)) return "responses";
  if (/^check_breaking|^check_not_breaking|check_breaking_min_max|check_breaking_property|check_types|check_media_type|check_sub_schema/.test(name)) return "mixed (whole-spec tests)";
  return "other";
}

function specPaths(body) {
  const paths = [];
  const expr = /open\(\s*"([^"]+)"|open\(\s*(\w+)\("([^"]+)"\)|\bl\(t,\s*(\d+)\)|\bd\(t,\s*[^,]+,\s*(\d+),\s*(\d+)\)|loadFrom\(t,\s*"([^"]+)",\s*(\d+)\)/g;
  for (const m of body.matchAll(expr)) {
    if (m[1]) paths.push(m[1]);
    else if (m[2]) {
      if (!DATA_HELPERS[m[2]]) return undefined;
      paths.push(`../data/${DATA_HELPERS[m[2]]}/${m[3]}`);
    } else if (m[4]) paths.push(`../data/openapi-test${m[4]}.yaml`);
    else if (m[5]) paths.push(`../data/openapi-test${m[5]}.yaml`, `../data/openapi-test${m[6]}.yaml`);
    else if (m[7]) paths.push(`${m[7]}spec${m[8]}.yaml`);
  }
  return paths.map((p) => p.replace(/^\.\.\//, ""));
}

/** Every case of one test file. `skipped` counts the tests that are not cases, by reason. */
export function casesOfTestFile(file, text, rules) {
  const cases = [];
  const skipped = {};
  const skip = (reason) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  for (const m of text.matchAll(/^func (Test\w+)\(t \*testing\.T\) \{\n([\s\S]*?)^\}/gm)) {
    const [, test, body] = m;
    const paths = specPaths(body);
    if (!paths || paths.length === 0) { skip("no spec files by literal path"); continue; }
    if (paths.length !== 2) { skip("more or fewer than two specs"); continue; }
    if (paths[0] === paths[1]) { skip("edits the specs in code or is table-driven"); continue; }
    if (/\.Spec\b[^\n]*=[^=]|\.Spec\.[^\n]*\.(Set|Delete)\(|t\.Run\(/.test(body)) { skip("edits the specs in code or is table-driven"); continue; }
    if (/WithSeverityLevels|WithDeprecation|WithAttributes|WithOptionalCheck|WithExclude|WithMatch|WithPathPrefix|WithPathParamsMap|WithPathStrip|WithIncludePath|WithFlatten|NewLoader\(\)\.|WithMaxDepth|WithDeprecationDays/.test(body)) { skip("changes levels, matching or policy in config"); continue; }
    const positive = new Map();
    const negative = new Set();
    for (const id of body.matchAll(/(requireNoChange\(|NotContains\(|NotEqual\(t,\s*|require\.False\(t,\s*containsId\()[^)]*?checker\.([A-Za-z0-9]+Id)\b/g)) negative.add(id[2]);
    for (const id of body.matchAll(/checker\.([A-Za-z0-9]+Id)\b/g)) {
      if (negative.has(id[1]) || !rules.has(id[1])) continue;
      positive.set(id[1], rules.get(id[1]));
    }
    const explicitLevels = [...body.matchAll(/Level:\s*checker\.(ERR|WARN|INFO)/g)].map((x) => x[1]);
    const assertsEmpty = /require\.(Empty|Len)\(t,\s*\w+(,\s*0)?\)/.test(body) && !/require\.Len\(t,\s*\w+,\s*[1-9]/.test(body) && /require\.Empty|,\s*0\)/.test(body);
    let label;
    // require.False(t, changes.HasLevelOrHigher(checker.WARN)) asserts "not breaking"; True(…) asserts "breaking".
    const levelClaim = /require\.(True|False)\(t,\s*\w+\.HasLevelOrHigher\(checker\.(WARN|ERR)\)/.exec(body);
    const levels = [...positive.values()].map((r) => r.level).filter(Boolean);
    if (levelClaim && levelClaim[1] === "True") label = "breaking";
    else if (levelClaim && levelClaim[2] === "WARN" && positive.size === 0) label = "not-breaking";
    else if (explicitLevels.length) label = explicitLevels.some((l) => l !== "INFO") ? "breaking" : "not-breaking";
    else if (levels.length) label = levels.some((l) => l !== "INFO") ? "breaking" : "not-breaking";
    else if (positive.size === 0 && assertsEmpty) label = "not-breaking";
    if (!label) { skip("asserts no verdict (ids without levels, or other assertions)"); continue; }
    const scope = /singleCheckConfig\(/.test(body) ? "single check" : "all checks";
    cases.push({ test, file, family: familyOf(file), base: paths[0], revision: paths[1], label, scope, ids: [...positive.values()].map((r) => `${r.id}:${r.level}`), emptyAsserted: positive.size === 0 });
  }
  return { cases, skipped };
}
