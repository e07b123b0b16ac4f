import { MANIFEST_FILE_NAME, snapshotIdProblem, VERSION_TAG, type LatestPointer } from "@sdh/schemas";
import { StoreError } from "../stores/snapshot-store.js";

export type { LatestPointer };

// The published layout (BRIEF.md), the same in a folder and under an S3 prefix:
//   <root>/v0.9/<snapshotId>/<files>, snapshot_manifest_v0_9.json last, <root>/v0.9/latest.json.

export const MANIFEST_FILE = MANIFEST_FILE_NAME;
export const LATEST_FILE = "latest.json";

export function versionPrefix(version: string = VERSION_TAG): string {
  if (!/^v\d+\.\d+$/.test(version)) throw new Error(`version '${version}' is not a schema version tag like ${VERSION_TAG}`);
  return `${version}/`;
}

/** The key of a snapshot's file; an id that is not a snapshot id never becomes a key. */
export function snapshotKey(snapshotId: string, file: string, version: string = VERSION_TAG): string {
  const problem = snapshotIdProblem(snapshotId);
  if (problem) throw new StoreError(`'${snapshotId}' is not a snapshot id: ${problem}`);
  return `${versionPrefix(version)}${snapshotId}/${file}`;
}

export function latestKey(version: string = VERSION_TAG): string {
  return `${versionPrefix(version)}${LATEST_FILE}`;
}

/** Snapshots order by asOf, then by when they were generated, then by id: `latest` only moves forward. */
export function isNewer(a: Pick<LatestPointer, "asOf" | "generatedAt" | "snapshotId">, b: Pick<LatestPointer, "asOf" | "generatedAt" | "snapshotId">): boolean {
  const key = (p: typeof a) => [p.asOf, p.generatedAt, p.snapshotId];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return false;
}
