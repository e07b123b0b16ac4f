export { RESERVED_EMAIL_DOMAINS, isReservedEmail, isFictionalPhone } from "./privacy.js";
export { CONTACT_RULES, countRules, packCatalog, type RuleDefinition, type RuleCatalog } from "./rule-catalog.js";
export {
  validateSnapshot,
  type SnapshotSources,
  type RecordSource,
  type CountClaim,
  type RecordObserver,
  type ValidateOptions,
  type ValidationRun,
} from "./validate-snapshot.js";
export { compileSchemaCheck, type SchemaCheck } from "./schema-check.js";
export { CompactKeySet, type KeyKind, type ExportedKeys } from "./keys/compact-key-set.js";
export { uniqueRulesOf, type UniqueRule } from "./keys/unique-keys.js";
export { DeclaredChecks, type Checked } from "./declared/declared-checks.js";
export type { PackChecks, DomainCheck, PackCheckContext } from "./pack-checks.js";
export type { Pack, PackValidation, PackGenerator, GeneratedRoot, QualityTally } from "./pack.js";
export { shareCheck } from "./quality/share-check.js";
export { QualityCollector, type QualityState, type QualityPack } from "./quality/quality-collector.js";
export { mergeShardGates, type MergeShardGatesOptions } from "./shards/merge-shard-gates.js";
export {
  KEY_BUCKETS,
  KEYS_PER_RANGE,
  batchKeyRanges,
  bucketKeys,
  bucketStarts,
  checkKeyRange,
  checkKeysAcrossShards,
  planKeyRanges,
  sliceOf,
  sumCounts,
  type BucketedKeys,
  type KeyRange,
  type ShardKeySlice,
} from "./shards/key-ranges.js";
export type { RuleFailures, ExampleScope, FailureSink } from "./report-builder.js";
export { qualitySummaryMarkdown } from "./quality/markdown-summary.js";
export { HyperLogLog } from "./quality/hyperloglog.js";
export { realismTable, failingMeasures, passes, type RealismMeasure } from "./quality/realism-table.js";
export { inspectSnapshot, type Inspection } from "./inspect-snapshot.js";
export { mergeReports } from "./merge-reports.js";
export { ValidationGate, type GateOptions, type ShardGateResult } from "./validation-gate.js";
// For packs' own rules: per-record state in typed arrays keyed by ordinals, and "is this field trusted".
export { OrdinalArray } from "./declared/ordinal-arrays.js";
export { fieldOk } from "./schema-check.js";
