import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

// Whole folders (a pulled snapshot, a generated bundle) are written into a hidden sibling and renamed
// into place at the end. A process killed before the rename leaves the sibling behind; its name
// carries the process id, so the next run on this machine can tell an abandoned one from one that a
// live process is still writing, and remove it.

const PARTIAL = /^\.(.+)\.partial-(\d+)-[0-9a-f]{8}$/;

/** A new hidden sibling of `out` to build into: `.<name>.partial-<pid>-<random>`. */
export function partialFolder(out: string): string {
  const full = resolve(out);
  return join(dirname(full), `.${basename(full)}.partial-${process.pid}-${randomBytes(4).toString("hex")}`);
}

/** The hidden siblings of `out` left by processes that are no longer running. */
export function abandonedPartials(out: string): string[] {
  const full = resolve(out);
  let names: string[];
  try {
    names = readdirSync(dirname(full));
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, match: PARTIAL.exec(name) }))
    .filter(({ match }) => match !== null && match[1] === basename(full) && !isProcessRunning(Number(match[2])))
    .map(({ name }) => join(dirname(full), name));
}

/** Whether a process with this id runs on this machine (this one included). */
export function isProcessRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** `out`'s folder cannot hold a new folder (read-only, a virtual file system, a file in the way). */
export class FolderNotWritableError extends Error {
  override name = "FolderNotWritableError";
}

/**
 * Creates a new hidden sibling of `out` to build into, and returns it. Made one level at a time: a
 * recursive mkdir under a virtual file system such as /proc loops forever in Node, where this fails
 * at once with the reason.
 */
export async function makePartialFolder(out: string): Promise<string> {
  const folder = partialFolder(out);
  try {
    await mkdir(dirname(folder), { recursive: true });
    await mkdir(folder);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "it cannot hold new folders" : localFileProblem(error);
    throw new FolderNotWritableError(`cannot write into ${dirname(folder)} (${why ?? String(error)}); choose another --out`);
  }
  return folder;
}

const FILE_SYSTEM_PROBLEMS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOTDIR: "a file is in the way",
  EISDIR: "a folder is in the way",
};

/** A local file system error in words (`the disk is full`), or null when `error` is not one we name. */
export function localFileProblem(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code && code in FILE_SYSTEM_PROBLEMS ? `${FILE_SYSTEM_PROBLEMS[code]} (${code})` : null;
}
