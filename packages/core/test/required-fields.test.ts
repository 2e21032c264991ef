// missingRequiredFields: the paths of the required fields an answer lacks, as the generated
// `response.required` shapes of operations.gen.ts describe them.
import { describe, expect, it } from "vitest";
import { missingRequiredFields, type RequiredShape } from "../src/internal.js";

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
