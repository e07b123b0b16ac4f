import { BundleError, DataFileError, verifyBundle } from "@sdh/exporters";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";

export const verifyHelp = `sdh verify DIR — recompute every checksum, size and record count against the snapshot's manifest

Lists each mismatch: a missing file, a changed size or sha256, a wrong record count, or a file the
manifest does not list. Works on a folder from \`sdh generate\` or a pulled snapshot.

Options:
  --json     print the result as JSON

Exit codes: 0 every file matches; 1 at least one mismatch; 2 DIR has no manifest or bad options.

Examples:
  pnpm sdh verify ./out/demo
  pnpm sdh pull --source s3://sdh-snapshots/nightly --snapshot latest --out ./snap && pnpm sdh verify ./snap --json`;

export async function verify(args: string[]): Promise<number> {
  const parsed = commandArgs("verify", { args, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  const dir = parsed.positionals[0];
  if (!dir || parsed.positionals.length > 1) throw new UsageError(`verify takes one folder, got ${parsed.positionals.length}; see \`sdh verify --help\``);
  let result;
  try {
    result = await verifyBundle(dir);
  } catch (error) {
    if (error instanceof BundleError || error instanceof DataFileError) throw new UsageError(error.message);
    throw error;
  }
  const { manifest, checked, notPulled, mismatches } = result;
  if (parsed.values.json) {
    console.log(JSON.stringify({ snapshotId: manifest.snapshotId, checked, notPulled, ok: mismatches.length === 0, mismatches }, null, 2));
  } else {
    for (const m of mismatches) console.log(`MISMATCH  ${m.path}: ${m.problem} — ${m.detail}`);
    console.log(
      mismatches.length === 0
        ? `ok: all ${checked} files of snapshot ${manifest.snapshotId} match the manifest${notPulled.length ? ` (${notPulled.length} not pulled)` : ""}`
        : `${mismatches.length} mismatch(es) in snapshot ${manifest.snapshotId} (${checked} files listed)`,
    );
  }
  return mismatches.length === 0 ? EXIT.ok : EXIT.failed;
}
