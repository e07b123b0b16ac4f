import { DEFAULT_STAGING_ROOT } from "@sdh/worker/settings";

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
  sdh staging list
  sdh staging prune --older-than 7d --dry-run
  sdh staging prune --older-than 7d --staging /var/lib/sdh/staging --json`;
