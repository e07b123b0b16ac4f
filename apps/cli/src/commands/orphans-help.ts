export const orphansHelp = `sdh orphans list | prune — files of publishes that never finished, at a target

A publish writes the manifest last; until it does, the snapshot does not exist for consumers
(\`sdh list\`, \`sdh pull\` and latest.json ignore it). A publish that failed and was never run
again leaves its files there: invisible, but stored and paid for. A rerun of the same snapshot
completes it, so prune only what is older than any rerun you still intend. Snapshots with a
manifest are never touched. On S3, multipart uploads a killed publisher never completed (parts
stored, no object) are listed too, and prune aborts those started before the window. So are
publish tickets (<id>/.publishing/*.json) left in a published snapshot by a publisher that lost its
store after writing the manifest; prune removes those not renewed within the window (a live
publisher renews its ticket every 30 s).

  sdh orphans list --target URI [--json]
  sdh orphans prune --target URI --older-than 7d [--dry-run] [--json]

Options:
  --target URI       s3://bucket/prefix or a folder (or SDH_TARGET / target in the config file)
  --older-than D     remove folders whose newest file is older than D (at least 1h, e.g. 36h, 7d):
                     a publish still uploading has no manifest either
  --dry-run          say what would be removed, remove nothing
  --json             print the result as JSON

Exit codes: 0 ok; 1 the store could not be read or written; 2 bad options.

Examples:
  sdh orphans list --target s3://sdh-snapshots/nightly
  sdh orphans prune --target s3://sdh-snapshots/nightly --older-than 7d --dry-run
  sdh orphans prune --older-than 14d --json`;
