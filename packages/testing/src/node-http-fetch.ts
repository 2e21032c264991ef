// A fetch on node:http(s) that sends every request header exactly as given. Node's built-in fetch
// (undici) refuses some headers outright: Laserfiche's Refresh takes a `Keep-Alive` request header,
// which undici rejects ("invalid keep-alive header") and browsers drop. Tests that exercise such a
// header pass this as the client's `fetch` option. Buffers the whole response; test use only.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";

/** What fetch takes as its first argument, without DOM-only names (core's `FetchInput`; this package does not depend on core). */
type FetchInput = string | URL | Request;

export async function nodeHttpFetch(input: FetchInput, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = Object.fromEntries(request.headers);
  const send = request.url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const outgoing = send(request.url, { method: request.method, headers, signal: request.signal }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("end", () => {
        const status = incoming.statusCode ?? 500;
        const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
        resolve(new Response(payload, { status, statusText: incoming.statusMessage ?? "", headers: toHeaders(incoming.headers) }));
      });
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
