import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { testServices } from "@sdh/infra/testing";
import { describe, expect, it } from "vitest";
import { s3Env } from "./cli-workers.js";
import { runCli } from "./run-cli.js";

/** A folder target holding one published snapshot and two unfinished publishes, one of them 10 days old. */
function target(): { root: string; folder: (id: string) => string } {
  const root = mkdtempSync(join(tmpdir(), "sdh-orphans-cli-"));
  const folder = (id: string) => join(root, "v0.9", id);
  const old = new Date(Date.now() - 10 * 86_400_000);
  const files: Array<[string, string, Date?]> = [
    ["2026-01-01-s1-published", "snapshot_manifest_v0_9.json", old],
    ["2026-01-01-s1-published", "persons_v0_9.csv", old],
    // Its publisher wrote the manifest, then lost its store before it could remove its ticket.
    ["2026-01-01-s1-published", ".publishing/mabc-0123456789ab.json", old],
    ["2026-01-02-s2-abandoned", "persons_v0_9.csv", old],
    ["2026-01-02-s2-abandoned", "schemas/persons.schema.json", old],
    ["2026-01-03-s3-uploading", "persons_v0_9.csv"],
  ];
  for (const [id, file, mtime] of files) {
    mkdirSync(dirname(join(folder(id), file)), { recursive: true });
    writeFileSync(join(folder(id), file), "x".repeat(1_000));
    if (mtime) utimesSync(join(folder(id), file), mtime, mtime);
  }
  return { root, folder };
}

describe("sdh orphans list | prune", () => {
  it("lists publishes without a manifest and prunes those older than the window, never a published snapshot", () => {
    const { root, folder } = target();
    const listed = runCli(["orphans", "list", "--target", root, "--json"]);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({
      target: root,
      unfinished: [
        { snapshotId: "2026-01-02-s2-abandoned", objects: 2, bytes: 2_000, lastWrite: expect.stringMatching(/^\d{4}-/) },
        { snapshotId: "2026-01-03-s3-uploading", objects: 1, bytes: 1_000, lastWrite: expect.stringMatching(/^\d{4}-/) },
      ],
      uploads: [],
      tickets: [{ snapshotId: "2026-01-01-s1-published", key: "v0.9/2026-01-01-s1-published/.publishing/mabc-0123456789ab.json", lastModified: expect.stringMatching(/^\d{4}-/) }],
    });
    expect(runCli(["orphans", "list", "--target", root]).stdout).toMatch(/\.publishing\/mabc-0123456789ab\.json {2}publish ticket left in a published snapshot/);
    const dry = runCli(["orphans", "prune", "--target", root, "--older-than", "7d", "--dry-run"]);
    expect([dry.status, dry.stdout]).toEqual([0, expect.stringMatching(/Would remove 2026-01-02-s2-abandoned: 2 file\(s\)[^]*Would remove the publish ticket v0\.9\/2026-01-01-s1-published\/\.publishing\/mabc-0123456789ab\.json[^]*Would remove 1 unfinished publish\(es\), 0\.0 MiB; kept 1 written within 7d/)]);
    expect(existsSync(folder("2026-01-02-s2-abandoned"))).toBe(true);

    // The target may come from the environment, as `snapshot run`'s does.
    const pruned = runCli(["orphans", "prune", "--older-than", "7d", "--json"], { SDH_TARGET: root });
    expect([pruned.status, pruned.stderr]).toEqual([0, ""]);
    expect(JSON.parse(pruned.stdout)).toMatchObject({ dryRun: false, removed: [{ snapshotId: "2026-01-02-s2-abandoned" }], kept: [{ snapshotId: "2026-01-03-s3-uploading" }], removedTickets: [{ snapshotId: "2026-01-01-s1-published" }] });
    expect(existsSync(join(folder("2026-01-01-s1-published"), ".publishing"))).toBe(false);
    expect(existsSync(join(folder("2026-01-01-s1-published"), "snapshot_manifest_v0_9.json"))).toBe(true);
    expect(existsSync(folder("2026-01-02-s2-abandoned"))).toBe(false);
    expect(existsSync(join(folder("2026-01-01-s1-published"), "persons_v0_9.csv"))).toBe(true);
    expect(existsSync(join(folder("2026-01-03-s3-uploading"), "persons_v0_9.csv"))).toBe(true);
  });

  it("reads an S3 target", () => {
    const prefix = `s3://${testServices().bucket}/orphans-cli-${process.pid}`;
    const run = runCli(["orphans", "list", "--target", prefix], s3Env());
    expect([run.status, run.stderr, run.stdout.trim()]).toEqual([0, "", `No unfinished publishes at ${prefix}/`]);
  });

  it.each([
    [["orphans", "sweep"], /unknown orphans command 'sweep'; available: list, prune/],
    [["orphans", "list"], /--target URI is required/],
    [["orphans", "prune", "--target", "/tmp"], /--older-than is required/],
    [["orphans", "prune", "--target", "/tmp", "--older-than", "30m"], /--older-than '30m': give at least 1h/],
  ])("%j exits 2 with a specific message", (args, message) => {
    const run = runCli(args);
    expect([run.status, run.stderr]).toEqual([2, expect.stringMatching(message)]);
  });
});
