// readBodyText on its own: the limit counts decoded bytes whatever the headers say, strict UTF-8.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useLoopbackServer } from "@vendor-auth/testing/suite";
import { BodyNotUtf8Error, BodyTooLargeError, readBodyText } from "../src/read-body.js";

const server = useLoopbackServer();
const respond = (body: Buffer | string, headers: Record<string, string>) => {
  server.setHandler((_request, raw) => {
    raw.res.writeHead(200, headers);
    raw.res.end(body);
  });
  return fetch(`${server.url}/body`);
};

describe("readBodyText", () => {
  it("reads an uncompressed body with a declared length in one go", async () => {
    expect(await readBodyText(await respond('{"a":1}', { "content-length": "7" }), 100)).toBe('{"a":1}');
  });

  it("refuses a declared length over the limit without reading it", async () => {
    await expect(readBodyText(await respond("x".repeat(200), { "content-length": "200" }), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("counts a chunked body as it streams and stops at the limit", async () => {
    await expect(readBodyText(await respond("x".repeat(5000), {}), 1000)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(await readBodyText(await respond("x".repeat(500), {}), 1000)).toHaveLength(500);
  });

  it("a compressed body is counted in decoded bytes, whatever its Content-Length says", async () => {
    const gzipped = gzipSync(Buffer.alloc(100_000, 0x61));
    await expect(readBodyText(await respond(gzipped, { "content-encoding": "gzip", "content-length": String(gzipped.length) }), 10_000)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(await readBodyText(await respond(gzipped, { "content-encoding": "gzip", "content-length": String(gzipped.length) }), 200_000)).toHaveLength(100_000);
  });

  it("invalid UTF-8 is an error, not text with U+FFFD", async () => {
    await expect(readBodyText(await respond(Buffer.from([0x7b, 0xff, 0x7d]), { "content-length": "3" }), 100)).rejects.toBeInstanceOf(BodyNotUtf8Error);
  });
});
