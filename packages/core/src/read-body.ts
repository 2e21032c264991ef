// Reads a response body completely, within a size limit, as strict UTF-8. Auth APIs answer with a
// few kilobytes: a body of many megabytes is a fault (or an attack), not a token, so reading stops
// at the limit instead of holding it all in memory; bytes that are not UTF-8 are a fault too,
// rather than text silently sprinkled with U+FFFD.

export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}
export class BodyNotUtf8Error extends Error {
  override name = "BodyNotUtf8Error";
}

// Decoding is stateless without `stream: true`, so one decoder serves every call.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decode(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new BodyNotUtf8Error("response body is not valid UTF-8");
  }
}

/**
 * The body as text. `maxBytes` bounds the decoded bytes held in memory whatever the encoding: a
 * compressed body (812 bytes of brotli can inflate to 520 MB) is read as a stream and counted as it
 * decodes, and reading stops at the limit. Only an uncompressed body with a declared length within
 * the limit is read in one go (the common, fast case; fetch never delivers more than it declares).
 */
export async function readBodyText(response: Response, maxBytes: number): Promise<string> {
  const length = response.headers.get("content-length");
  const declared = length === null ? Number.NaN : Number(length);
  const encoding = response.headers.get("content-encoding");
  const identity = encoding === null || encoding.trim() === "" || encoding.trim().toLowerCase() === "identity";
  if (identity && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(`response body of ${declared} bytes exceeds the limit of ${maxBytes}`);
  }
  if (!response.body) return "";
  if (identity && Number.isFinite(declared)) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw new BodyTooLargeError(`response body exceeds the limit of ${maxBytes} bytes`);
    return decode(bytes);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(`response body exceeds the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decode(bytes);
}
