/** The schema version of every record and artifact. Moves per governance/schema-change policy. */
export const SCHEMA_VERSION = "0.1.0";

/** The governed tag in paths and file names: `v0.1` (major.minor only; patches never rename files). */
export const VERSION_TAG = `v${SCHEMA_VERSION.split(".").slice(0, 2).join(".")}`;

/** `persons` + `csv` → `persons_v0_1.csv`, the seed's governed file naming. */
export function versionedFileName(stem: string, extension: string): string {
  return `${stem}_${VERSION_TAG.replace(".", "_")}.${extension}`;
}
