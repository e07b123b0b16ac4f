import type { FileHandle } from "node:fs/promises";

/** Up to `length` bytes of an open file from `offset` (fewer only at its end): one positioned read, repeated until done. */
export async function readAt(handle: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(out, done, length - done, offset + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return out.subarray(0, done);
}
