import { join, resolve } from "node:path";

/**
 * Where a snapshot's intermediate output lives between steps, on a folder every worker can reach
 * (one machine: a local folder). Every path derives from the snapshot id and the step (and shard),
 * so a retried or re-run step finds its own output: it reuses it when its fingerprint matches and
 * overwrites it, with the same bytes, when not.
 */
export interface SnapshotStaging {
  root: string;
  /** One folder per shard, named by shardFolderName. */
  shardsDir: string;
  /** The validation and quality reports of validateSnapshot. */
  validationReport: string;
  qualityReport: string;
  /** The bundle exportSnapshot writes the data files into and publishManifest completes. */
  bundleDir: string;
  /** What exportSnapshot wrote: the files, with sizes and digests, and the fingerprint they came from. */
  exportRecord: string;
  /** What each part's export wrote (parts layout, ADR 0028): `part-NNNNN.json`, read by the collect step. */
  partsDir: string;
}

export function snapshotStaging(stagingRoot: string, snapshotId: string): SnapshotStaging {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(snapshotId)) {
    throw new Error(`snapshot id '${snapshotId}' cannot name a folder: use letters, digits, '.', '_' and '-'`);
  }
  const root = join(resolve(stagingRoot), snapshotId);
  return {
    root,
    shardsDir: join(root, "shards"),
    validationReport: join(root, "reports", "validation.json"),
    qualityReport: join(root, "reports", "quality.json"),
    bundleDir: join(root, "bundle"),
    exportRecord: join(root, "export.json"),
    partsDir: join(root, "parts"),
  };
}
