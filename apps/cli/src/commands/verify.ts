import { BundleError, DataFileError, verifyBundle } from "@sdh/exporters";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";


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
