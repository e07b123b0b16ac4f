/** The schema version of every record and artifact. Moves per governance/schema-change policy. */
export const SCHEMA_VERSION = "0.9.1";

/** The governed tag in paths and file names: `v0.9` (major.minor only; patches never rename files). */
export const VERSION_TAG = `v${SCHEMA_VERSION.split(".").slice(0, 2).join(".")}`;

/** `persons` + `csv` → `persons_v0_9.csv`, the seed's governed file naming. */
export function versionedFileName(stem: string, extension: string): string {
  return `${stem}_${VERSION_TAG.replace(".", "_")}.${extension}`;
}

/**
 * Left by a pull that took only some of a snapshot's data files: `{ snapshotId, files }`, the
 * paths it took. `sdh verify` checks those and reports the others as not pulled, not missing.
 */
export const PULL_RECORD_FILE = ".sdh-pull.json";
