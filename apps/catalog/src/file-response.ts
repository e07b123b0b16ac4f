import type { FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";
import type { Context } from "hono";

/**
 * A verified file's bytes as the response (RFC 9110 §14): whole (200, `Accept-Ranges: bytes`), or the
 * one range `Range: bytes=a-b` asks for (206 with `Content-Range`), or 416 when it lies past the end.
 * A multi-range or malformed Range is ignored (the whole file), as the RFC allows; so is a Range
 * whose `If-Range` names another version. The handle is closed when the body ends or is cancelled.
 */
export async function fileResponse(c: Context, handle: FileHandle, size: number, headers: Record<string, string>): Promise<Response> {
  const range = requestedRange(c.req.header("range"), c.req.header("if-range"), headers.etag, size);
  if (range === "unsatisfiable") {
    await handle.close();
    return c.body(null, 416, { "content-range": `bytes */${size}`, "accept-ranges": "bytes" });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const stream = size === 0 ? Readable.from([]) : handle.createReadStream({ start, end });
  if (size === 0) await handle.close();
  const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  const sent = { ...headers, "accept-ranges": "bytes", "content-length": String(end - start + 1) };
  if (!range) return c.body(body, 200, sent);
  return c.body(body, 206, { ...sent, "content-range": `bytes ${start}-${end}/${size}` });
}

/** The single byte range asked for, null for the whole file, or "unsatisfiable". */
function requestedRange(header: string | undefined, ifRange: string | undefined, etag: string | undefined, size: number): { start: number; end: number } | null | "unsatisfiable" {
  if (!header || (ifRange !== undefined && ifRange !== etag)) return null;
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    // A suffix: the last N bytes.
    const n = Number(m[2]);
    if (n === 0) return "unsatisfiable";
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (end < start && m[2] !== "") return null;
  }
  if (start >= size) return "unsatisfiable";
  return { start, end };
}
