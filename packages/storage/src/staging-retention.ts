import { existsSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface StagedSnapshot {
  snapshotId: string;
  path: string;
  /** The newest modification time of anything in the snapshot's staging folder (ms since epoch). */
  lastWrite: number;
  bytes: number;
}

/**
 * Every snapshot's staging folder under `stagingRoot`, with when it was last written to. A folder
 * is only as old as its newest file: a build that wrote a shard an hour ago is an hour old.
 */
export async function stagedSnapshots(stagingRoot: string): Promise<StagedSnapshot[]> {
  const root = resolve(stagingRoot);
  if (!existsSync(root)) return [];
  const out: StagedSnapshot[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(root, entry.name);
    const { lastWrite, bytes } = await walk(path);
    out.push({ snapshotId: entry.name, path, lastWrite, bytes });
  }
  return out.sort((a, b) => a.lastWrite - b.lastWrite);
}

/**
 * Removes the staging of snapshots not written to for `olderThanMs`: what a rerun would have reused
 * (a rerun after that starts from generateShard). Published snapshots are not staging and are never
 * touched. With `dryRun`, only says what it would remove.
 */
export async function pruneStaging(stagingRoot: string, { olderThanMs, now = Date.now(), dryRun = false }: { olderThanMs: number; now?: number; dryRun?: boolean }): Promise<{ removed: StagedSnapshot[]; kept: StagedSnapshot[] }> {
  const staged = await stagedSnapshots(stagingRoot);
  const removed = staged.filter((s) => now - s.lastWrite > olderThanMs);
  if (!dryRun) for (const s of removed) await rm(s.path, { recursive: true, force: true });
  return { removed, kept: staged.filter((s) => !removed.includes(s)) };
}

async function walk(path: string): Promise<{ lastWrite: number; bytes: number }> {
  const info = await stat(path);
  if (!info.isDirectory()) return { lastWrite: info.mtimeMs, bytes: info.size };
  let lastWrite = info.mtimeMs;
  let bytes = 0;
  for (const name of await readdir(path)) {
    const child = await walk(join(path, name));
    lastWrite = Math.max(lastWrite, child.lastWrite);
    bytes += child.bytes;
  }
  return { lastWrite, bytes };
}
