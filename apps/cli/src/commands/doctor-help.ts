export const doctorHelp = `sdh doctor — prove this machine can run snapshots: a workflow and an activity round trip
through Temporal, and an S3 write with a SHA-256 checksum, read back and removed. Then checks that
the namespace has the search attributes builds carry (SdhSnapshotId, SdhTarget, SdhSeed, SdhAsOf,
SdhPack): a "warn" line, with the commands that register them, when some are missing.

Reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE (and TEMPORAL_TLS_* / TEMPORAL_API_KEY), SDH_S3_ENDPOINT, SDH_S3_BUCKET and AWS_* from the
environment, or from .sdh/services.env written by \`pnpm services:up\`.

Options:
  --json     print the checks as JSON: [{ check, ok, warning?, detail, ms }]

Exit codes: 0 every check passed (warnings included); 1 a check failed; 2 bad options or settings.

Examples:
  pnpm services:up && sdh doctor
  sdh doctor --json`;
