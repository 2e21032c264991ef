// What the generators make of spec names: the checks compare these, not the raw strings, so that a
// respelling the generated code does not see is not reported as a rename.

/** openapi-generator's sanitizeName + camelize: `get_raw_payload`, `get-raw-payload` → `getRawPayload`. */
function camelize(name, upperFirst) {
  const words = String(name)
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .split("_")
    .filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  if (!joined) return joined;
  return (upperFirst ? joined[0].toUpperCase() : joined[0].toLowerCase()) + joined.slice(1);
}

/** The typescript-fetch method name of an operation (its operationId in camelCase). */
export const sdkMethodName = (operationId) => (operationId === undefined ? undefined : camelize(operationId, false));

/** The typescript-fetch API class of a tag (`auth tokens` → `AuthTokensApi`); untagged operations go to DefaultApi. */
export const sdkClassName = (tag) => `${tag === undefined ? "Default" : camelize(tag, true)}Api`;
