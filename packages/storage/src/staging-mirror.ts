import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileDigest } from "@sdh/local-files";
import { LocalStore } from "./stores/local-store.js";
import type { SnapshotStore } from "./stores/snapshot-store.js";

/**
 * Staging shared by workers on several machines: each worker works in a local folder, and the
 * files a step hands to the next are mirrored to a store (an S3 prefix) under the same relative
 * paths. Steps push their output with their commit file (shard.json, export.json) last, so a file
 * that is there is whole; the next step pulls what it lacks. With no remote, nothing is mirrored:
 * one machine's folder is the staging.
 */
export class StagingMirror {
  constructor(
    readonly localRoot: string,
    readonly remote: SnapshotStore | null,
  ) {}

  get shared(): boolean {
    return this.remote !== null;
  }

  /** Uploads the files in order (the commit file last), each with its SHA-256. */
  async push(paths: readonly string[]): Promise<void> {
    if (!this.remote) return;
    for (const path of paths) {
      const local = join(this.localRoot, path);
      await this.remote.putFile(path, local, await fileDigest(local));
    }
  }

  /** Downloads the files missing here; each lands under its name only once whole. */
  async pull(paths: readonly string[]): Promise<void> {
    if (!this.remote) return;
    for (const path of paths) {
      const local = join(this.localRoot, path);
      if (existsSync(local)) continue;
      const remote = this.remote;
      await landWhole(local, (partial) => remote.download(path, partial));
    }
  }

  /** Keeps a shared file's text already read (readText) as this machine's copy, as pull would have: no second download. */
  async keep(path: string, text: string): Promise<void> {
    if (!this.remote) return;
    const local = join(this.localRoot, path);
    if (existsSync(local)) return;
    await landWhole(local, (partial) => writeFile(partial, text));
  }

  /**
   * `length` bytes at `offset` of a staged file: from this machine's copy when it has one (the worker
   * that wrote it), else a ranged read of the shared one.
   */
  async readRange(path: string, offset: number, length: number): Promise<Uint8Array> {
    const local = join(this.localRoot, path);
    if (!this.remote || existsSync(local)) return new LocalStore(this.localRoot).readRange(path, offset, length);
    return this.remote.readRange(path, offset, length);
  }

  /** A shared file's text (the remote's when shared, else the local one), or null. */
  async readText(path: string): Promise<string | null> {
    if (this.remote) return (await this.remote.readText(path))?.value ?? null;
    const local = join(this.localRoot, path);
    return existsSync(local) ? readFile(local, "utf8") : null;
  }
}

/**
 * Writes a file of this machine's staging so that it appears under its name only once whole: into a
 * name of its own first (two steps on one worker may bring the same file at once), renamed when done,
 * removed if writing fails.
 */
async function landWhole(local: string, write: (partial: string) => Promise<unknown>): Promise<void> {
  await mkdir(dirname(local), { recursive: true });
  const partial = `${local}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await write(partial);
    await rename(partial, local);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
