// Async iteration over a paged list operation. The vendor layer says how to fetch a page from a
// cursor, where the items are, and how to get the next cursor (its API's own pagination keys);
// iteration stops when there is no next cursor, or when a page comes back empty.

export interface PaginateOptions<Page, Item, Cursor> {
  /** Fetches one page; `cursor` is undefined for the first page. */
  fetchPage(cursor: Cursor | undefined): Promise<Page>;
  /** The items of a page. */
  items(page: Page): readonly Item[];
  /** The cursor of the page after `page`, or undefined when `page` was the last. */
  next(page: Page, items: readonly Item[], cursor: Cursor | undefined): Cursor | undefined;
  /** Stop after this many pages (a guard against servers that never stop). Default: Infinity. */
  maxPages?: number;
}

export async function* paginate<Page, Item, Cursor>(options: PaginateOptions<Page, Item, Cursor>): AsyncGenerator<Item, void, undefined> {
  let cursor: Cursor | undefined;
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  for (let pageNumber = 0; pageNumber < maxPages; pageNumber++) {
    const page = await options.fetchPage(cursor);
    const items = options.items(page);
    yield* items;
    if (items.length === 0) return;
    const next = options.next(page, items, cursor);
    if (next === undefined) return;
    // A cursor that repeats would loop forever: stop instead.
    const key = JSON.stringify(next);
    if (seen.has(key)) return;
    seen.add(key);
    cursor = next;
  }
}
