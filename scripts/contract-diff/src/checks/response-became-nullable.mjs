// Any of the three nullable forms (nullable: true, a "null" type, a null branch) in a response.
export default {
  id: "response-became-nullable", n: 30, level: "major", direction: "response", layer: "wire+sdk",
  title: "response value became nullable",
  on: ["nullable-changed"],
  check: (d) => d.direction === "response" && d.part === "body" && d.nullable && { message: "became nullable" },
};
