import { pruneStaging, stagedSnapshots, type StagedSnapshot } from "@sdh/storage";
import { DEFAULT_STAGING_ROOT } from "@sdh/worker";
import { durationOption } from "../duration.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { mebibytes } from "../sizes.js";


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
    else for (const s of staged) console.log(`${s.snapshotId}  last written ${new Date(s.lastWrite).toISOString()}  ${mebibytes(s.bytes)}`);
    return EXIT.ok;
  }
  if (!values["older-than"]) throw new UsageError("--older-than is required, e.g. --older-than 7d");
  const olderThanMs = durationOption("--older-than", values["older-than"], 60_000);
  const { removed, kept } = await pruneStaging(root, { olderThanMs, dryRun: values["dry-run"] });
  if (values.json) console.log(JSON.stringify({ staging: root, dryRun: values["dry-run"], removed: removed.map(row), kept: kept.length }, null, 2));
  else {
    const verb = values["dry-run"] ? "Would remove" : "Removed";
    for (const s of removed) console.log(`${verb} ${s.snapshotId} (last written ${new Date(s.lastWrite).toISOString()}, ${mebibytes(s.bytes)})`);
    console.log(`${verb} ${removed.length} snapshot(s), ${mebibytes(removed.reduce((n, s) => n + s.bytes, 0))}; kept ${kept.length}`);
  }
  return EXIT.ok;
}

const row = (s: StagedSnapshot) => ({ snapshotId: s.snapshotId, lastWrite: new Date(s.lastWrite).toISOString(), bytes: s.bytes });
