// Async iteration over the four list operations, on core's `paginate`, with the pagination the API
// itself offers in this version (SDK 1.98.9, specs/agilicus.yaml):
//   - listSessions has keyset pagination: a page answers `next_created_time` / `next_user_id`, and
//     the next page is requested with them as `previous_created_time` / `previous_user_id`. Iteration
//     ends when a page carries neither key (or an empty page comes back, or a key repeats).
//   - listTokens, listApiKeys and listAuthenticationDocuments take only `limit` (and filters): no
//     cursor, offset or page token exists, so their iterators yield the one page the API returns,
//     requested with the largest `limit` the spec allows (100 for tokens, 500 otherwise) unless you
//     pass one.
import { paginate, type CallOptions } from "@vendor-auth/core/internal";
import type { APIKey, AuthenticationDocument, ListSessionsResponse, Session, Token } from "./generated/models.gen.js";
import { operations } from "./generated/operations.gen.js";

type ListOperation = "listApiKeys" | "listAuthenticationDocuments" | "listSessions" | "listTokens";
/** The spec's maximum of an operation's `limit` query parameter (also the API's default). */
const largestLimit = (operation: ListOperation): number | undefined =>
  (operations[operation].parameters as ReadonlyArray<{ in: string; name: string; schema: { maximum?: number } }>).find((p) => p.in === "query" && p.name === "limit")?.schema.maximum;
import type { ListApiKeysQuery, ListAuthenticationDocumentsQuery, ListSessionsQuery, ListTokensQuery } from "./queries.js";

/** Options of an iterator: the call options of every page request, plus a page limit. */
export interface IterateOptions extends CallOptions {
  /** Stop after this many page requests. Default: no limit. */
  maxPages?: number | undefined;
}

/** The listSessions pagination keys sent for the page after one that announced them. */
export interface SessionsCursor {
  previous_created_time?: string;
  previous_user_id?: string;
}

/** The list methods an iterator pages through (the client's own, so auth and errors are shared). */
export interface ListMethods {
  listApiKeys(query?: ListApiKeysQuery, options?: CallOptions): Promise<{ api_keys: APIKey[] }>;
  listAuthenticationDocuments(query?: ListAuthenticationDocumentsQuery, options?: CallOptions): Promise<{ authentication_documents: AuthenticationDocument[] }>;
  listSessions(query?: ListSessionsQuery, options?: CallOptions): Promise<ListSessionsResponse>;
  listTokens(query?: ListTokensQuery, options?: CallOptions): Promise<{ tokens?: Token[] }>;
}

const callOptions = ({ signal, timeoutMs }: IterateOptions = {}): CallOptions => ({ signal, timeoutMs });

/** The cursor of the page after `page`: its `next_*` keys, when it announces any. */
export function nextSessionsCursor(page: ListSessionsResponse): SessionsCursor | undefined {
  const cursor: SessionsCursor = {};
  if (page.next_created_time) cursor.previous_created_time = page.next_created_time;
  if (page.next_user_id) cursor.previous_user_id = page.next_user_id;
  return Object.keys(cursor).length > 0 ? cursor : undefined;
}

export function iterateSessions(list: ListMethods, query: ListSessionsQuery = {}, options: IterateOptions = {}): AsyncGenerator<Session, void, undefined> {
  const first: ListSessionsQuery = { limit: largestLimit("listSessions"), ...query };
  // Later pages: the caller's filters, with both keys replaced by the ones the previous page gave.
  const { previous_created_time: _created, previous_user_id: _user, ...filters } = first;
  return paginate<ListSessionsResponse, Session, SessionsCursor>({
    fetchPage: (cursor) => list.listSessions(cursor ? { ...filters, ...cursor } : first, callOptions(options)),
    items: (page) => page.sessions,
    next: (page) => nextSessionsCursor(page),
    maxPages: options.maxPages,
  });
}

/** The lists the API offers no cursor for, and the field of their page that holds the items. */
const SINGLE_PAGE_ITEMS = { listTokens: "tokens", listApiKeys: "api_keys", listAuthenticationDocuments: "authentication_documents" } as const;
type SinglePageList = keyof typeof SINGLE_PAGE_ITEMS;
type ItemOf<L extends SinglePageList> = NonNullable<Awaited<ReturnType<ListMethods[L]>>[(typeof SINGLE_PAGE_ITEMS)[L] & keyof Awaited<ReturnType<ListMethods[L]>>]> extends readonly (infer I)[] ? I : never;

/** One page, requested with the spec's largest `limit` unless the query sets one (see the file header). */
export function iterateSinglePage<L extends SinglePageList>(list: ListMethods, operation: L, query: Parameters<ListMethods[L]>[0] = {}, options: IterateOptions = {}): AsyncGenerator<ItemOf<L>, void, undefined> {
  const fetchPage = () => (list[operation] as (query: object, call: CallOptions) => Promise<Record<string, unknown>>)({ limit: largestLimit(operation), ...query }, callOptions(options));
  const items = (page: Record<string, unknown>) => (page[SINGLE_PAGE_ITEMS[operation]] ?? []) as ItemOf<L>[];
  return paginate<Record<string, unknown>, ItemOf<L>, never>({ fetchPage, items, next: () => undefined, maxPages: options.maxPages });
}
