export { SCHEMA_VERSION, VERSION_TAG, versionedFileName, PULL_RECORD_FILE } from "./version.js";
export { UsState, US_STATE_CODES, IsoDate, Uuid, Money, CENT } from "./common.js";
export {
  SnapshotConfig,
  RecordedConfig,
  recordedConfig,
  OutputFormat,
  IdentifierStyle,
  ConfigError,
  parseSnapshotConfig,
  type SnapshotConfigInput,
} from "./snapshot-config.js";
export {
  Entity,
  DOCUMENT_KINDS,
  Counts,
  PackRef,
  Generator,
  ManifestFile,
  Manifest,
  MANIFEST_FILE_NAME,
  LatestPointer,
  PullRecord,
  Contact,
  DatasetDescriptor,
  SnapshotMetadata,
  Severity,
  ValidationReport,
} from "./snapshot-files.js";
export { SnapshotId, SnapshotPath, snapshotIdProblem, pathSetProblems } from "./snapshot-paths.js";
export { documentSchemaOf, DOCUMENT_SCHEMAS, type DocumentName } from "./document-schemas.js";
export { packSpecProblems, impliedRules, type PackSpec, type EntitySpec, type ForeignKeySpec, type ParentSpec } from "./pack-spec.js";
export { rootOf, perEntity, isEntity, entitySpec, schemaIdOf, columnsOf, jsonSchemaOf, recordJsonSchema, type Column, type ColumnType, type EntityCounts } from "./entities.js";
export { QualityReport, ColumnProfile, DistributionCheck } from "./quality-report.js";
export { compileRecordFunction } from "./record-function.js";
export { renderDataDictionary, dictionaryRows, type DictionaryRow, type DictionaryExamples } from "./dictionary/data-dictionary.js";
export { EXAMPLE_MANIFEST } from "./dictionary/example-manifest.js";
