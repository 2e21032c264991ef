// missingRequiredFields: the paths of the required fields an answer lacks, as the generated
// `response.required` shapes of operations.gen.ts describe them.
import { describe, expect, it } from "vitest";
import { ResponseParseError, missingRequiredFields, requireResponseFields, type RequiredShape } from "../src/internal.js";

const shape: RequiredShape = { required: ["object", "items"], properties: { items: { items: { required: ["id"], properties: { owner: { required: ["name"] } } } } } };

describe("missingRequiredFields", () => {
  it("names missing top-level, array-item and nested fields by path", () => {
    expect(missingRequiredFields({ items: [{ id: "a" }, { owner: {} }] }, shape)).toEqual(["object", "items[1].id", "items[1].owner.name"]);
  });

  it("null and falsy values are present (their types are another matter); undefined is missing", () => {
    expect(missingRequiredFields({ object: "", items: [{ id: 0 }, { id: null }] }, shape)).toEqual([]);
    expect(missingRequiredFields({ object: undefined, items: [] }, shape)).toEqual(["object"]);
  });

  it("does not descend into values of another type (the JSON type check reports those)", () => {
    expect(missingRequiredFields("text", shape)).toEqual([]);
    expect(missingRequiredFields({ object: "x", items: "not an array" }, shape)).toEqual([]);
    expect(missingRequiredFields([{}, { object: "x", items: [] }], { items: shape })).toEqual(["[0].object", "[0].items"]);
  });
});

describe("requireResponseFields", () => {
  const where = { vendor: "test", operation: "op" };
  const answers = [
    { items: [{ id: "a" }, { owner: {} }] },
    { object: "", items: [{ id: 0 }, { id: null }] },
    { object: undefined, items: [] },
    { object: "x", items: [{ id: "a", owner: { name: "n" } }, { id: "b", owner: {} }] },
    { object: "x", items: [{ id: "a", owner: { name: "n" } }] },
    "text",
    { object: "x", items: "not an array" },
    [{}, { object: "x", items: [] }],
  ];

  it("throws exactly when missingRequiredFields finds something, naming the same paths", () => {
    for (const answer of answers) {
      for (const s of [shape, { items: shape }]) {
        const missing = missingRequiredFields(answer, s);
        let thrown: unknown;
        try {
          requireResponseFields(answer, s, where);
        } catch (error) {
          thrown = error;
        }
        if (missing.length === 0) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(ResponseParseError);
          expect((thrown as Error).message).toContain(missing.join(", "));
        }
      }
    }
  });
});
