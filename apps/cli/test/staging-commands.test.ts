import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("sdh staging list | prune", () => {
  it("lists staged snapshots and prunes those older than the window; bad options exit 2", () => {
    const root = mkdtempSync(join(tmpdir(), "sdh-staging-cli-"));
    const old = new Date(Date.now() - 10 * 86_400_000);
    for (const id of ["2026-01-01-s1-aaaaaaaa", "2026-01-02-s2-bbbbbbbb"]) {
      mkdirSync(join(root, id, "reports"), { recursive: true });
      writeFileSync(join(root, id, "reports", "validation.json"), "{}");
    }
    const stale = join(root, "2026-01-01-s1-aaaaaaaa");
    utimesSync(join(stale, "reports", "validation.json"), old, old);
    utimesSync(join(stale, "reports"), old, old);
    utimesSync(stale, old, old);

    const listed = runCli(["staging", "list", "--staging", root, "--json"]);
    expect(JSON.parse(listed.stdout).map((s: { snapshotId: string }) => s.snapshotId)).toEqual(["2026-01-01-s1-aaaaaaaa", "2026-01-02-s2-bbbbbbbb"]);
    const dry = runCli(["staging", "prune", "--older-than", "7d", "--staging", root, "--dry-run"]);
    expect([dry.status, dry.stdout]).toEqual([0, expect.stringContaining("Would remove 1 snapshot(s)")]);
    expect(existsSync(stale)).toBe(true);
    // The staging folder may also come from the environment, as the worker's does.
    const pruned = runCli(["staging", "prune", "--older-than", "7d", "--json"], { SDH_STAGING_DIR: root });
    expect(JSON.parse(pruned.stdout)).toMatchObject({ staging: root, dryRun: false, removed: [{ snapshotId: "2026-01-01-s1-aaaaaaaa" }], kept: 1 });
    expect(existsSync(stale)).toBe(false);

    expect(runCli(["staging", "prune", "--staging", root]).stderr).toContain("--older-than is required");
    const bad = runCli(["staging", "prune", "--older-than", "soon", "--staging", root]);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, "sdh: --older-than 'soon': give a duration of at least 60s, such as 90s, 10m, 1h or 7d"]);
  });
});
