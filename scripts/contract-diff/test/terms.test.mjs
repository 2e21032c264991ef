// helperMethods on the real helper layers: the method a changelog line names for an operation.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { helperMethods } from "../src/terms.mjs";
import { VENDORS } from "../../vendors.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("helperMethods", () => {
  it("names the client method that runs an operation, never a keyword of an anonymous function or the factory", () => {
    const unicourt = helperMethods(root, "unicourt");
    // generateNewToken runs in the token cache's `async () => …` inside the factory, and in the method.
    expect(unicourt.get("op:generateNewToken")).toEqual(["generateNewToken"]);
    expect(unicourt.get("op:listAllTokenIds")).toEqual(["listAllTokenIds"]);
    for (const vendor of VENDORS) {
      const names = [...helperMethods(root, vendor).values()].flat();
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => ["async", "function"].includes(name) || /^create\w*Client$/.test(name))).toEqual([]);
    }
  });
});
