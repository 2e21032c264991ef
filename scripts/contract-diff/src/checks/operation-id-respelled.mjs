// operationId spelled differently but generating the same method name (get_raw_payload →
// get-raw-payload: getRawPayload() either way). The ./schema `operations` key is raw: the package's
// API report shows that change, and contract-check judges it there.
export default {
  id: "operation-id-respelled", level: "patch", direction: "none", layer: "sdk",
  title: "operationId respelled, same generated method name",
  on: ["operation-id-changed"],
  check: (d) => d.fromMethod === d.toMethod && { message: `operationId ${d.from} → ${d.to} (the SDK method stays ${d.toMethod}())` },
};
