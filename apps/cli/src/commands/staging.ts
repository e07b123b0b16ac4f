import { pruneStaging, stagedSnapshots, type StagedSnapshot } from "@sdh/storage";
import { DEFAULT_STAGING_ROOT } from "@sdh/worker";
import { durationOption } from "../duration.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { megabytes } from "../sizes.js";

export const stagingHelp = `sdh staging list | prune — the staging a worker keeps between steps, and its retention

A worker keeps each snapshot's intermediate output (shards, reports, the export) in its staging
folder after publishing, so a failed build can be rerun from a step (\`sdh snapshot rerun\`). Prune
what is older than your rerun window; a rerun after that starts from generateShard. Published
snapshots are never touched.

  sdh staging list [--staging DIR] [--json]
  sdh staging prune --older-than 7d [--staging DIR] [--dry-run] [--json]

Options:
  --staging DIR      the worker's staging folder (default ${DEFAULT_STAGING_ROOT}, or SDH_STAGING_DIR / worker.staging);
                     for workers on S3 staging, prune each worker's --cache folder, and expire the
                     S3 staging prefix with a bucket lifecycle rule
  --older-than D     remove snapshots whose newest file is older than D (e.g. 36h, 7d)
  --dry-run          say what would be removed, remove nothing
  --json             print the result as JSON

Exit codes: 0 ok; 1 the folder could not be read or removed; 2 bad options.

Examples:
  pnpm sdh staging list
  pnpm sdh staging prune --older-than 7d --dry-run
  pnpm sdh staging prune --older-than 7d --staging /var/lib/sdh/staging --json`;

export async function staging(args: string[], settings: Settings): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "list" && sub !== "prune") throw new UsageError(`unknown staging command '${sub ?? ""}'; available: list, prune (see \`sdh staging --help\`)`);
  const parsed = commandArgs("staging", { args: rest, options: { staging: { type: "string" }, "older-than": { type: "string" }, "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false } } });
  const values = settings.fill(parsed.values);
  const root = values.staging ?? DEFAULT_STAGING_ROOT;
  if (root.startsWith("s3://")) throw new UsageError(`--staging ${root}: S3 staging is expired by a bucket lifecycle rule; prune each worker's --cache folder instead`);
  if (sub === "list") {
    const staged = await stagedSnapshots(root);
    if (values.json) console.log(JSON.stringify(staged.map(row), null, 2));
    else if (!staged.length) console.log(`Nothing staged in ${root}`);
    else for (const s of staged) console.log(`${s.snapshotId}  last written ${new Date(s.lastWrite).toISOString()}  ${megabytes(s.bytes)}`);
    return EXIT.ok;
  }
  if (!values["older-than"]) throw new UsageError("--older-than is required, e.g. --older-than 7d");
  const olderThanMs = durationOption("--older-than", values["older-than"], 60_000);
  const { removed, kept } = await pruneStaging(root, { olderThanMs, dryRun: values["dry-run"] });
  if (values.json) console.log(JSON.stringify({ staging: root, dryRun: values["dry-run"], removed: removed.map(row), kept: kept.length }, null, 2));
  else {
    const verb = values["dry-run"] ? "Would remove" : "Removed";
    for (const s of removed) console.log(`${verb} ${s.snapshotId} (last written ${new Date(s.lastWrite).toISOString()}, ${megabytes(s.bytes)})`);
    console.log(`${verb} ${removed.length} snapshot(s), ${megabytes(removed.reduce((n, s) => n + s.bytes, 0))}; kept ${kept.length}`);
  }
  return EXIT.ok;
}

const row = (s: StagedSnapshot) => ({ snapshotId: s.snapshotId, lastWrite: new Date(s.lastWrite).toISOString(), bytes: s.bytes });
