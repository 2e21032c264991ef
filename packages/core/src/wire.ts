// The two objects of the transport's hot path that stand in for undici's: what openapi-fetch
// builds as "the request" when nothing but the transport will look at it, and the Response over a
// body the transport has already read. Both exist because building them as undici objects costs
// more than the whole rest of our layer (profile: `scripts/bench/profile.mjs`): an undici Request
// creates an AbortSignal, a body stream and a header list that fetch then builds again from it;
// a Response over a string creates a body stream that openapi-fetch reads back at once.

/**
 * The request as openapi-fetch's `Request` option gets it (`new Request(url, init)`), kept as its URL
 * and RequestInit so that the transport can call `fetch(url, init)` and undici builds its Request
 * once. The constructor rejects what `new Request` rejects before anything is sent (an invalid URL,
 * a forbidden method, a body on GET or HEAD), so such a request stays a ValidationError rather than
 * a failure of fetch. Only the properties a middleware reads to describe a request (`url`,
 * `method`, `headers`, `body`, `signal`, `redirect`) are there: the transport uses it only when no
 * middleware of the caller's can see it (see `InvokeInit.Request`).
 */
export class WireRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  readonly redirect: RequestRedirect;
  readonly init: RequestInit;

  constructor(url: string, init: RequestInit) {
    // The URL is not parsed here (fetch parses it; parsing it twice was a tenth of our cost per
    // call): fetch refuses a URL that does not parse before sending anything, and the transport
    // then reports it as the TypeError `new Request` would have thrown (`invalidUrl`).
    this.url = url;
    this.method = (init.method ?? "GET").toUpperCase();
    if (FORBIDDEN_METHODS.has(this.method)) throw new TypeError(`'${init.method}' HTTP method is unsupported.`);
    this.body = init.body ?? null;
    if (this.body !== null && (this.method === "GET" || this.method === "HEAD")) throw new TypeError("Request with GET/HEAD method cannot have body.");
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal ?? null;
    this.redirect = init.redirect ?? "follow";
    this.init = { ...init, method: this.method, headers: this.headers };
  }
}

const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/** For a request fetch refused: the TypeError `new Request` throws when its URL does not parse, else undefined. */
export function invalidUrl(request: { url: string }): TypeError | undefined {
  try {
    new URL(request.url);
    return undefined;
  } catch {
    return new TypeError(`Failed to parse URL from ${request.url}`);
  }
}

/**
 * A real Response (`instanceof Response`, for openapi-fetch and any middleware) over a body already
 * read as text: `text()` and `json()` answer from the text (the first `json()` with the value the
 * transport parsed when it checked the body), `body`, `arrayBuffer()`, `blob()`, `formData()` and
 * `clone()` build what they need when asked. Status, reason phrase, URL and headers are the
 * original's; the headers drop `content-encoding` when there was one (the text is decoded) and, with
 * it, `content-length`, which described the encoded bytes.
 */
export class BufferedResponse extends Response {
  readonly #text: string;
  readonly #url: string;
  readonly #headers: Headers;
  #parsed: { value: unknown } | undefined;
  #stream: Response["body"] | undefined;

  constructor(original: Response, text: string, parsed?: { value: unknown }) {
    super(null, { status: original.status, statusText: original.statusText });
    this.#text = text;
    this.#url = original.url;
    this.#parsed = parsed;
    if (original.headers.has("content-encoding")) {
      const headers = new Headers(original.headers);
      headers.delete("content-encoding");
      headers.delete("content-length");
      this.#headers = headers;
    } else this.#headers = original.headers;
  }

  override get url(): string {
    return this.#url;
  }
  override get headers(): Headers {
    return this.#headers;
  }
  override get body(): Response["body"] {
    if (this.#stream === undefined) this.#stream = this.#text === "" ? null : this.#copy().body;
    return this.#stream;
  }
  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }
  override json(): Promise<any> {
    const parsed = this.#parsed;
    // Handed out once: a second reader gets its own value, never one the first may have changed.
    this.#parsed = undefined;
    if (parsed) return Promise.resolve(parsed.value);
    try {
      return Promise.resolve(JSON.parse(this.#text));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#copy().arrayBuffer();
  }
  override blob(): Promise<Blob> {
    return this.#copy().blob();
  }
  override formData(): Promise<FormData> {
    return this.#copy().formData();
  }
  override clone(): Response {
    return new BufferedResponse(this, this.#text);
  }

  /** An undici Response over the text, with these headers: for what needs a stream or bytes. */
  #copy(): Response {
    return new Response(this.#text === "" ? null : this.#text, { status: this.status, statusText: this.statusText, headers: this.#headers });
  }
}
