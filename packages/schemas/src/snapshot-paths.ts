import { z } from "zod";

// Names that come from outside (a manifest, latest.json, a pull record, a flag) and become paths or
// keys on a consumer's disk or in a bucket. Checked here, once, so nothing behind this edge can be
// steered out of its folder.

const SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * A snapshot's id: 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit. Not
 * `latest` (the pull keyword) and not ending in `.json` (which would read as `latest.json`'s sibling).
 */
export const SnapshotId = z
  .string()
  .regex(SNAPSHOT_ID, "use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit")
  .refine((id) => id !== "latest" && !id.endsWith(".json"), "'latest' and names ending in '.json' are reserved")
  .describe("Identifier of the snapshot");

/** Why `id` is not a snapshot id, or null when it is one. */
export function snapshotIdProblem(id: string): string | null {
  const checked = SnapshotId.safeParse(id);
  return checked.success ? null : checked.error.issues[0]!.message;
}

// One segment: starts with a letter or digit (so never '.', '..' or a hidden name), then letters,
// digits, '.', '_' or '-'. No backslash, colon, space or control character on any platform.
const SEGMENT = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
const RELATIVE_PATH = new RegExp(`^${SEGMENT}(?:/${SEGMENT}){0,3}$`);

/**
 * A file's path inside its snapshot folder, as a manifest or pull record gives it: one to four
 * `/`-separated segments, each starting with a letter or digit. So no absolute path, no `..`, no
 * hidden file (`.sdh-pull.json` can never be shipped), no backslash or drive letter.
 */
export const SnapshotPath = z
  .string()
  .max(512)
  .regex(RELATIVE_PATH, "must be a plain relative path inside the snapshot: '/'-separated names of letters, digits, '.', '_' or '-', each starting with a letter or digit (no '..', no absolute path, no backslash)")
  .describe("Path relative to the snapshot folder");

/**
 * Problems with a set of paths that each pass SnapshotPath but cannot all be files of one folder:
 * the same path twice (case-insensitively, as macOS and Windows disks compare names), or a path that
 * is another's folder. Empty when they can.
 */
export function pathSetProblems(paths: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const folded = path.toLowerCase();
    if (seen.has(folded)) problems.push(`'${path}' is listed twice`);
    seen.add(folded);
  }
  for (const path of paths) {
    const folded = path.toLowerCase();
    const segments = folded.split("/");
    for (let k = 1; k < segments.length; k++) {
      const folder = segments.slice(0, k).join("/");
      if (seen.has(folder)) problems.push(`'${path}' lies inside '${folder}', which is listed as a file`);
    }
  }
  return problems;
}
