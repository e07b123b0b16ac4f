import { readdir, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";

export interface PreviewCacheLimits {
  /** The cache's size at most, in bytes (default 2 GiB). */
  maxBytes?: number;
  /** A copy unused for this long is removed (default 7 days). */
  maxAgeMs?: number;
}

export const DEFAULT_PREVIEW_CACHE_BYTES = 2 * 1024 ** 3;
export const DEFAULT_PREVIEW_CACHE_AGE_MS = 7 * 24 * 3600 * 1000;
/** A download's partial file this old belongs to a process that died: removed. */
const STALE_PARTIAL_MS = 3600 * 1000;

/**
 * The folder of S3 Parquet copies that previews read (`--cache-dir`), bounded in size and age. A
 * copy's modification time is when it was last used (set on each use), so pruning removes the least
 * recently used first. Pruning runs after each new copy; the files a preview is about to read are
 * never removed (a removed file a query still reads stays readable on Linux until closed).
 */
export class PreviewCache {
  readonly maxBytes: number;
  readonly maxAgeMs: number;

  constructor(
    readonly dir: string,
    { maxBytes = DEFAULT_PREVIEW_CACHE_BYTES, maxAgeMs = DEFAULT_PREVIEW_CACHE_AGE_MS }: PreviewCacheLimits = {},
  ) {
    this.maxBytes = maxBytes;
    this.maxAgeMs = maxAgeMs;
  }

  /** Marks a copy as used now. */
  async touch(path: string): Promise<void> {
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
  }

  /** Removes copies unused for longer than maxAgeMs, then the least recently used until the total fits maxBytes. */
  async prune(keep: readonly string[] = [], now = Date.now()): Promise<{ removed: string[]; bytes: number }> {
    const files = await this.files();
    const removed: string[] = [];
    const remove = async (path: string) => {
      await rm(path, { force: true });
      removed.push(path);
    };
    const kept: Array<{ path: string; bytes: number; used: number }> = [];
    for (const f of files) {
      if (keep.includes(f.path)) kept.push(f);
      else if (f.path.endsWith(".partial") ? now - f.used > STALE_PARTIAL_MS : now - f.used > this.maxAgeMs) await remove(f.path);
      else if (!f.path.endsWith(".partial")) kept.push(f);
    }
    let bytes = kept.reduce((n, f) => n + f.bytes, 0);
    for (const f of kept.sort((x, y) => x.used - y.used)) {
      if (bytes <= this.maxBytes) break;
      if (keep.includes(f.path)) continue;
      await remove(f.path);
      bytes -= f.bytes;
    }
    return { removed, bytes };
  }

  private async files(): Promise<Array<{ path: string; bytes: number; used: number }>> {
    const found: Array<{ path: string; bytes: number; used: number }> = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) {
          const info = await stat(path).catch(() => null);
          if (info) found.push({ path, bytes: info.size, used: info.mtimeMs });
        }
      }
    };
    await walk(this.dir);
    return found;
  }
}
