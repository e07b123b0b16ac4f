export const verifyHelp = `sdh verify DIR — recompute every checksum, size and record count against the snapshot's manifest

Lists each mismatch: a missing file, a changed size or sha256, a wrong record count, or a file the
manifest does not list. Works on a folder from \`sdh generate\` or a pulled snapshot.

Options:
  --json     print the result as JSON

Exit codes: 0 every file matches; 1 at least one mismatch; 2 DIR has no manifest or bad options.

Examples:
  sdh verify ./out/demo
  sdh pull --source s3://sdh-snapshots/nightly --snapshot latest --out ./snap && sdh verify ./snap --json`;
