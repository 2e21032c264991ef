// The one HTTP listener of the toolkit (the fakes and the spec mock run on it too), and on it a
// recording server for wire tests: it records every request exactly as it arrived (method, path,
// query, headers, raw and parsed body) and answers with what the test's handler returns. No fetch
// mocks: the client under test goes through its real fetch and a real socket.
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  /** The body parsed as JSON, or undefined when empty or not JSON. */
  json: unknown;
}

export interface Reply {
  status?: number;
  /** The HTTP reason phrase. Default: the standard one for the status. */
  reason?: string;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
}

export type Handler = (request: RecordedRequest, raw: { req: IncomingMessage; res: ServerResponse }) => Reply | void | Promise<Reply | void>;

export interface LoopbackServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replaces the handler (e.g. per test). */
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

/**
 * The body as UTF-8 text. With `maxBytes`: undefined when the body is longer (it is drained, not
 * kept, so the socket stays usable for the answer that refuses it).
 */
export async function readBody(req: IncomingMessage, maxBytes = Number.POSITIVE_INFINITY): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes ? undefined : Buffer.concat(chunks).toString("utf8");
}

/** The text parsed as JSON; undefined when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function recordRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const rawBody = (await readBody(req)) ?? "";
  return { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: { ...req.headers }, rawBody, json: parseJson(rawBody) };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (res.writableEnded) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(reply.body) || typeof reply.body === "string") payload = reply.body;
  else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers["content-type"] ??= "application/json";
  }
  if (reply.reason !== undefined) res.writeHead(reply.status ?? 200, reply.reason, headers);
  else res.writeHead(reply.status ?? 200, headers);
  res.end(payload);
}

/** A listening server: its origin and how to stop it. */
export interface Listener {
  /** e.g. `http://127.0.0.1:41234` (an IPv6 host in brackets). */
  readonly origin: string;
  /** Stops the server and drops open connections. Idempotent. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Interface to listen on. Default: "127.0.0.1" (loopback only). */
  host?: string | undefined;
  /** Port. Default: 0 (a free port chosen by the system). */
  port?: number | undefined;
}

/** Starts `listener` on a loopback port (by default a free one). */
export async function listen(listener: RequestListener, options: ListenOptions = {}): Promise<Listener> {
  const server = createServer(listener);
  // Idle sockets are closed by the client first (undici after 4 s): a server that closed them at
  // Node's default 5 s could race a request reusing one on a loaded machine (an ECONNRESET that a
  // test would count as a retry).
  server.keepAliveTimeout = 60_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })),
  };
}

export async function startLoopbackServer(handler: Handler = () => ({ status: 404 })): Promise<LoopbackServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const listener = await listen(async (req, res) => {
    try {
      const recorded = await recordRequest(req);
      requests.push(recorded);
      const reply = await current(recorded, { req, res });
      if (reply) sendReply(res, reply);
    } catch (error) {
      sendReply(res, { status: 599, body: { testServerError: String(error) } });
    }
  });
  return {
    url: listener.origin,
    requests,
    setHandler(next) {
      current = next;
    },
    close: listener.close,
  };
}
