import { describe, expect, it } from "vitest";
import { paginate } from "../src/internal.js";

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

describe("paginate", () => {
  it("follows the cursor until there is none", async () => {
    const pages: Record<string, { items: number[]; next?: string }> = { start: { items: [1, 2], next: "b" }, b: { items: [3], next: "c" }, c: { items: [4] } };
    const cursors: Array<string | undefined> = [];
    const items = await collect(
      paginate<{ items: number[]; next?: string }, number, string>({
        fetchPage: async (cursor) => (cursors.push(cursor), pages[cursor ?? "start"]!),
        items: (page) => page.items,
        next: (page) => page.next,
      }),
    );
    expect(items).toEqual([1, 2, 3, 4]);
    expect(cursors).toEqual([undefined, "b", "c"]);
  });

  it("stops on an empty page, a repeated cursor, or maxPages", async () => {
    let calls = 0;
    const repeat = await collect(paginate({ fetchPage: async () => (calls++, [1]), items: (p: number[]) => p, next: () => "same" }));
    expect(repeat).toEqual([1, 1]);
    expect(calls).toBe(2);
    const empty = await collect(paginate({ fetchPage: async () => [] as number[], items: (p) => p, next: () => "x" }));
    expect(empty).toEqual([]);
    let n = 0;
    const capped = await collect(paginate({ fetchPage: async () => [++n], items: (p: number[]) => p, next: (_p, items) => items[0], maxPages: 3 }));
    expect(capped).toEqual([1, 2, 3]);
  });
});
