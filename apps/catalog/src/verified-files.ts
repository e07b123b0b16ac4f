import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { BULK_READ_BYTES } from "@sdh/local-files";
import type { ManifestFile } from "@sdh/schemas";
import { LocalStore, RefusedObjectError, snapshotKey } from "@sdh/storage";
import { Problem } from "./problem.js";
import type { FoundSnapshot } from "./snapshot-reader.js";

/** Verdicts remembered; past this many the oldest are forgotten (and checked again when asked for). */
const MAX_VERDICTS = 20_000;

/**
 * A folder target's files, served only when their bytes are the manifest's. The size is checked on
 * every open (fstat of the descriptor that is then streamed); the sha256 once per file identity
 * (device, inode, size, modification and change times) and remembered, so the first download of a
 * file reads it twice and the others once. Anything that rewrites the file changes its change time,
 * so a remembered verdict never covers other bytes. A file that does not match is a 502 naming the
 * file (never its content, never the server's folders).
 */
export class VerifiedFiles {
  private readonly verified = new Set<string>();
  private readonly checking = new Map<string, Promise<boolean>>();

  /** The file opened and vouched for; the caller streams (and so closes) the handle. */
  async open(found: FoundSnapshot, file: ManifestFile): Promise<{ handle: FileHandle; info: Stats }> {
    const store = found.source.store;
    if (!(store instanceof LocalStore)) throw new Error("VerifiedFiles serves folder targets only");
    const name = `snapshot ${found.manifest.snapshotId}'s file ${file.path} (target ${found.source.name})`;
    const key = snapshotKey(found.manifest.snapshotId, file.path, found.version);
    let opened;
    try {
      opened = await store.openFile(key);
    } catch (error) {
      if (error instanceof RefusedObjectError) throw mismatch(`${name} is not a regular file inside the target (a link, FIFO, device or folder); not served`);
      throw error;
    }
    if (!opened) throw new Problem(502, "Stored file missing", `${name} is listed in the manifest but is not in the target`, "file-missing");
    const { handle, info } = opened;
    try {
      if (info.size !== file.bytes) throw mismatch(`${name} holds ${info.size} bytes, the manifest says ${file.bytes}; not served`);
      const identity = `${file.sha256}:${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      if (!(await this.check(identity, handle, file.sha256))) throw mismatch(`${name} does not have the sha256 its manifest gives (${file.sha256}); not served`);
      return opened;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The remembered verdict, or the file hashed now (one hash at a time per identity). */
  private async check(identity: string, handle: FileHandle, sha256: string): Promise<boolean> {
    if (this.verified.has(identity)) return true;
    let pending = this.checking.get(identity);
    if (!pending) {
      pending = hashOf(handle).then((got) => got === sha256);
      this.checking.set(identity, pending);
    }
    try {
      const good = await pending;
      if (good) this.remember(identity);
      return good;
    } finally {
      this.checking.delete(identity);
    }
  }

  private remember(identity: string): void {
    if (this.verified.size >= MAX_VERDICTS) this.verified.delete(this.verified.values().next().value!);
    this.verified.add(identity);
  }
}

const mismatch = (detail: string) => new Problem(502, "Stored file does not match its manifest", detail, "file-mismatch");

async function hashOf(handle: FileHandle): Promise<string> {
  const hash = createHash("sha256");
  // Positional reads from the start, handle kept open: it is streamed to the client afterwards. In 1 MiB
  // reads, as every whole-file hash is (BULK_READ_BYTES: a third to half the CPU of the default 64 KiB).
  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false, highWaterMark: BULK_READ_BYTES })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
