import { PACK_ENTITY_NAMES } from "@sdh/packs/names";

/** Each shipped pack's entities, a line each (the first after "pack, "): from the registry, so a new pack needs no edit here. */
const PACK_LINES = Object.entries(PACK_ENTITY_NAMES)
  .map(([pack, entities]) => `${pack}: ${entities.join(",")}`)
  .join("\n                     ");

export const listHelp = `sdh list — the committed snapshots of a version at a source

Lists the snapshots whose manifest is published (a publish that never finished has none and is
not listed), oldest first, with id, asOf, seed, generation time, counts and size; * marks latest.

Options:
  --source URI       s3://bucket/prefix or a folder (required)
  --schema-tag TAG   the schema version tag of the layout, <target>/<TAG>/ (default v0.9)
  --json             print the list as JSON

S3 settings: SDH_S3_ENDPOINT, AWS_REGION, SDH_S3_FORCE_PATH_STYLE; credentials from the AWS chain.

Exit codes: 0 listed (an empty list too); 1 the source could not be read; 2 bad options.

Examples:
  sdh list --source s3://sdh-snapshots/nightly
  sdh list --source ./out/published --json`;

export const pullHelp = `sdh pull — download a published snapshot, checking every file

Downloads in parallel, checks each file's size and sha256 against the manifest, and writes into a
hidden folder renamed to --out at the end (manifest last). A file that does not match is named, and
nothing that looks complete is left. \`sdh verify DIR\` checks the pulled folder again at any time.

Options:
  --source URI       s3://bucket/prefix or a folder (required)
  --schema-tag TAG   the schema version tag of the layout, <target>/<TAG>/ (default v0.9)
  --snapshot ID      a snapshot id, or latest (default latest)
  --out DIR          where to put it (required; must be empty unless --force)
  --entities LIST    only these entities' data files (documents always come): of the snapshot's
                     pack, ${PACK_LINES}
  --formats LIST     only these formats: csv,json,jsonl,parquet
  --force            replace a non-empty --out
  --json             print the result as JSON

Exit codes: 0 pulled and checked; 1 a file did not match or the source failed; 2 bad options.

Examples:
  sdh pull --source s3://sdh-snapshots/nightly --snapshot latest --out ./data/latest
  sdh pull --source s3://sdh-snapshots/nightly --snapshot 2026-01-06-s42-3f9a1c2e --formats parquet --out ./pq`;

export const publishHelp = `sdh publish — publish a snapshot folder (from \`sdh generate\`) to a target

Uploads every file with its SHA-256 (checked by S3), confirms each, then writes the manifest last and
only if absent: the snapshot becomes visible only when complete and is never overwritten. Publishing
the same content again succeeds; other content under the same id is refused. latest.json then moves
forward to it if it is the newest.

Options:
  --target URI       s3://bucket/prefix or a folder (required)
  --json             print the result as JSON

Exit codes: 0 published (or already there, identical); 1 the upload failed, or another snapshot
holds the id; 2 bad options or a folder without a manifest.

Examples:
  sdh generate --records 1000 --out ./out/demo && sdh publish ./out/demo --target s3://sdh-snapshots/demo
  sdh publish ./out/demo --target ./out/published --json`;
