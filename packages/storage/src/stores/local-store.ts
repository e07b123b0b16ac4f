import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, mkdir, readdir, rename, rm, rmdir, writeFile, type FileHandle } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { BULK_READ_BYTES, MAX_DOCUMENT_BYTES, NotRegularFileError, openInsideFolder, readAt, readInsideFolder, writeWithDigest } from "@sdh/local-files";
import type { Stats } from "node:fs";
import { RefusedObjectError, StoreError, type PendingUpload, type PutOptions, type SnapshotStore, type StoredObject, type Versioned } from "./snapshot-store.js";

/** A folder as a snapshot store: the same layout as on S3, written with rename-into-place. */
export class LocalStore implements SnapshotStore {
  readonly location: string;

  constructor(root: string) {
    this.location = resolve(root);
  }

  async readText(key: string): Promise<Versioned<string> | null> {
    this.path(key); // a key that leaves the store is the store's error, before anything is opened
    try {
      const value = (await this.refusing(key, () => readInsideFolder(this.location, key, MAX_DOCUMENT_BYTES))).toString("utf8");
      return { value, version: digest(value) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async listChildren(prefix: string): Promise<string[]> {
    try {
      // Real folders and files only: a linked snapshot folder would show another folder's snapshot.
      const entries = await readdir(this.path(prefix), { withFileTypes: true });
      return entries.filter((e) => !e.name.startsWith(".") && (e.isDirectory() || e.isFile())).map((e) => e.name).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  }

  /**
   * The stored file opened for reading (`sdh serve` streams it): a regular file inside the store,
   * reached through real folders. RefusedObjectError for a link, FIFO, device or folder; null when absent.
   */
  async openFile(key: string): Promise<{ handle: FileHandle; info: Stats } | null> {
    this.path(key); // as in readText
    try {
      return await this.refusing(key, () => openInsideFolder(this.location, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  /** Runs a read, turning "not a plain file" into the store's refusal (its message names the key, never the folder's path). */
  private async refusing<T>(key: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof NotRegularFileError) throw new RefusedObjectError(error.message);
      throw error;
    }
  }

  async putFile(key: string, path: string, file: { bytes: number; sha256: string }, { signal, onBytes }: PutOptions = {}): Promise<void> {
    const to = this.path(key);
    await this.inFolder(to, async () => {
      const partial = this.partial(to);
      try {
        // Copied as a stream and hashed on the way: the copy's own digest is what is checked.
        const source = createReadStream(path, { signal, highWaterMark: BULK_READ_BYTES });
        if (onBytes) source.on("data", (chunk) => onBytes((chunk as Buffer).length));
        const got = await writeWithDigest(source, partial, { maxBytes: file.bytes, signal });
        if (got.sha256 !== file.sha256 || got.bytes !== file.bytes) {
          throw new StoreError(`${key}: the copy has ${got.bytes} bytes, sha256 ${got.sha256}; expected ${file.bytes} bytes, sha256 ${file.sha256}`);
        }
        await rename(partial, to);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    });
  }

  async putText(key: string, text: string): Promise<void> {
    const to = this.path(key);
    await this.inFolder(to, () => this.replace(to, text));
  }

  async putTextIf(key: string, text: string, version: string | undefined): Promise<boolean> {
    const to = this.path(key);
    if (version === undefined) {
      try {
        await this.inFolder(to, () => writeFile(to, text, { flag: "wx" }));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw error;
      }
    }
    // Compare and replace under a lock file (exclusive create), so two writers on this file system
    // cannot both win; the rename keeps readers from ever seeing half a file.
    const release = await this.lock(`${to}.lock`);
    try {
      const current = await this.readText(key);
      if (!current || current.version !== version) return false;
      await this.replace(to, text);
      return true;
    } finally {
      await release();
    }
  }

  private async lock(path: string): Promise<() => Promise<void>> {
    for (let waited = 0; ; waited += 10) {
      try {
        await this.inFolder(path, () => writeFile(path, String(process.pid), { flag: "wx" }));
        return () => rm(path, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        if (waited > 10_000) throw new StoreError(`${path} has been locked for 10 s; remove it if no sdh process is publishing`);
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }

  async download(key: string, path: string, expectedBytes?: number): Promise<{ bytes: number; sha256: string }> {
    // Only plain files: a link, a FIFO or a device (`/dev/zero`) planted in a folder target is never read.
    const opened = await this.openFile(key);
    if (!opened) throw new StoreError(`${this.location}/${key} does not exist`);
    const { handle, info } = opened;
    if (expectedBytes !== undefined && info.size !== expectedBytes) {
      await handle.close();
      throw new StoreError(`${this.location}/${key} holds ${info.size} bytes, the manifest says ${expectedBytes}; not downloaded`);
    }
    return writeWithDigest(handle.createReadStream({ highWaterMark: BULK_READ_BYTES }), path, { maxBytes: expectedBytes });
  }

  async readRange(key: string, offset: number, length: number): Promise<Uint8Array> {
    const opened = await this.openFile(key);
    if (!opened) throw new StoreError(`${this.location}/${key} does not exist`);
    const { handle } = opened;
    try {
      const out = await readAt(handle, offset, length);
      if (out.length !== length) throw new StoreError(`${this.location}/${key}: asked for ${length} bytes at ${offset}, got ${out.length}`);
      return out;
    } finally {
      await handle.close();
    }
  }

  async listObjects(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else {
          // A file renamed away between the listing and this look (a temporary file) is not there.
          // lstat: a link is listed as itself (so it can be removed), never followed.
          const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
            if (error.code === "ENOENT") return null;
            throw error;
          });
          if (info) found.push({ key: relative(this.location, path), bytes: info.size, lastModified: info.mtimeMs });
        }
      }
    };
    await walk(this.path(prefix));
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async deleteObjects(keys: string[]): Promise<void> {
    const dirs = new Set<string>();
    for (const key of keys) {
      const path = this.path(key);
      await rm(path, { force: true });
      for (let dir = dirname(path); dir.startsWith(`${this.location}/`); dir = dirname(dir)) dirs.add(dir);
    }
    // Folders the removal emptied go too, deepest first, as on S3 where a prefix exists only through
    // its objects. Only the removed files' own folders: a publish elsewhere may have just made one.
    for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
      await rmdir(dir).catch(() => undefined); // not empty, or already gone: keep it
    }
  }

  async listPendingUploads(): Promise<PendingUpload[]> {
    return []; // a copy in progress is a hidden file beside its target, listed by listObjects
  }

  async abortPendingUploads(): Promise<void> {}

  /** The file a key names (DuckDB reads it by path once `openFile` has vouched for it); refuses a key that leaves the store. */
  filePath(key: string): string {
    return this.path(key);
  }

  private path(key: string): string {
    const path = resolve(this.location, key);
    if (path !== this.location && !path.startsWith(`${this.location}/`)) throw new StoreError(`key '${key}' leaves the store`);
    return path;
  }

  /** A hidden temporary name beside `to`, renamed onto it once whole: readers never see half a file. */
  private partial(to: string): string {
    return join(dirname(to), `.${randomBytes(4).toString("hex")}.partial`);
  }

  private async replace(to: string, text: string): Promise<void> {
    const partial = this.partial(to);
    await writeFile(partial, text);
    await rename(partial, to);
  }

  /**
   * Runs a write into `to`'s folder, making the folder first. deleteObjects removes folders it
   * empties (as on S3, where a prefix exists only through its objects), so a concurrent removal can
   * take the folder away between the mkdir and the write: the write then runs again.
   */
  private async inFolder<T>(to: string, write: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        // mkdir -p itself fails with ENOENT when a parent it just made is removed before its child,
        // and with ENOTDIR when a parent it found existing (EEXIST) is removed before it checks that
        // parent is a folder (seen once in CI): both are the race, and the write runs again.
        await mkdir(dirname(to), { recursive: true });
        return await write();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code !== "ENOENT" && code !== "ENOTDIR") || attempt === 20) throw error;
      }
    }
  }
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
