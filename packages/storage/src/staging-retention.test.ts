import { mkdirSync, mkdtempSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pruneStaging, stagedSnapshots } from "./staging-retention.js";

const DAY = 86_400_000;

/** A snapshot's staging folder whose files were last written `ageDays` ago (one of them `newestDays` ago). */
function staged(root: string, id: string, ageDays: number, newestDays = ageDays): void {
  const shard = join(root, id, "shards", "shard-00000");
  mkdirSync(shard, { recursive: true });
  const now = Date.now();
  for (const [path, days] of [[join(shard, "persons.csv"), ageDays], [join(root, id, "export.json"), newestDays]] as const) {
    writeFileSync(path, "x".repeat(10));
    utimesSync(path, new Date(now - days * DAY), new Date(now - days * DAY));
  }
  for (const dir of [shard, join(root, id, "shards"), join(root, id)]) utimesSync(dir, new Date(now - ageDays * DAY), new Date(now - ageDays * DAY));
}

describe("staging retention", () => {
  it("removes only the snapshots whose newest file is older than the limit; a dry run removes nothing", async () => {
    const root = mkdtempSync(join(tmpdir(), "sdh-retention-"));
    staged(root, "old", 10);
    staged(root, "touched", 10, 1); // old shards, but its export was written yesterday
    staged(root, "new", 0.5);
    expect((await stagedSnapshots(root)).map((s) => [s.snapshotId, s.bytes])).toEqual([["old", 20], ["touched", 20], ["new", 20]]);

    const dry = await pruneStaging(root, { olderThanMs: 7 * DAY, dryRun: true });
    expect(dry.removed.map((s) => s.snapshotId)).toEqual(["old"]);
    expect(existsSync(join(root, "old"))).toBe(true);

    const real = await pruneStaging(root, { olderThanMs: 7 * DAY });
    expect([real.removed.map((s) => s.snapshotId), real.kept.map((s) => s.snapshotId)]).toEqual([["old"], ["touched", "new"]]);
    expect([existsSync(join(root, "old")), existsSync(join(root, "touched")), existsSync(join(root, "new"))]).toEqual([false, true, true]);
    expect(await pruneStaging(join(root, "missing"), { olderThanMs: DAY })).toEqual({ removed: [], kept: [] });
  });
});
