// The generated method name (typescript-fetch: the operationId in camelCase) changed. A respelling
// that gives the same method name is operation-id-respelled instead.
export default {
  id: "operation-id-changed", n: 2, level: "major", direction: "none", layer: "sdk",
  title: "operationId renamed or removed (the generated method name changes)",
  on: ["operation-id-changed"],
  check: (d) => d.fromMethod !== d.toMethod && { message: `operationId ${d.from ?? "(none)"} → ${d.to ?? "(none)"}: SDK method ${d.fromMethod ?? "(derived from the path)"}() becomes ${d.toMethod ?? "(derived from the path)"}()` },
};
