import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
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
    .filter(({ match }) => match !== null && match[1] === basename(full) && !isRunning(Number(match[2])))
    .map(({ name }) => join(dirname(full), name));
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
