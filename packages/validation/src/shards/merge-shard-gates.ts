import { perEntity, type EntityCounts, type ValidationReport } from "@sdh/schemas";
import { tmpdir } from "node:os";
import type { ExportedKeys, KeyKind } from "../keys/compact-key-set.js";
import { decodeShortText, decodeUuid, describeHashedText } from "../keys/key-encoding.js";
import { KeyTable } from "../keys/key-table.js";
import { uniqueRulesOf, type UniqueRule } from "../keys/unique-keys.js";
import { ENTRY_WORDS, KeyBuckets } from "./key-buckets.js";
import type { PackChecks } from "../pack-checks.js";
import { ReportBuilder, type RuleFailures } from "../report-builder.js";
import { checkLookupRows, CLAIM_RULE, type ShardGateResult } from "../validation-gate.js";
import type { CountClaim } from "../validate-snapshot.js";

export interface MergeShardGatesOptions {
  /** A shard's keys for one uniqueness rule, loaded when needed: only one rule's keys are held at a time. */
  keysOf: (shard: number, rule: UniqueRule) => ExportedKeys | Promise<ExportedKeys>;
  claims?: readonly CountClaim[];
  /** The pack the shards were checked for, whose uniqueness rules are checked across them. */
  pack: PackChecks;
  /** Keys one pass of a cross-shard uniqueness check holds in its table (default KEYS_PER_PASS); tests make it small. */
  keysPerPass?: number;
  /** Where the later passes' keys are spilled (a folder of their own, removed after): the snapshot's staging; default the system's temporary folder. */
  spillDir?: string;
}

/**
 * One validation report from the gates of a snapshot's shards, in shard order: failures add up and
 * record positions become positions in the whole snapshot, so the report reads as if one gate had
 * seen every record; uniqueness is then checked across shards. Positions of examples found by the
 * cross-shard pass are shard numbers (0-based), the only place they are known.
 *
 * Meant for generated shards, where a person's vehicles and profile sit in the person's shard. One
 * difference from one pass remains: when a person_id repeats across shards, one pass also reports
 * the knock-on failures (the later person's vehicles and profile attach to the earlier person),
 * which no shard can see; the duplicate itself is reported either way and fails the gate.
 */
export async function mergeShardGates(shards: readonly ShardGateResult[], options: MergeShardGatesOptions): Promise<ValidationReport> {
  const report = new ReportBuilder(options.pack.rules);
  const bases: EntityCounts = perEntity(options.pack.pack, () => 0);
  for (const shard of shards) {
    for (const failures of shard.failures) report.addFailures(shifted(failures, bases));
    for (const { name } of options.pack.pack.entities) bases[name]! += shard.counts[name]!;
  }
  checkLookupRows(options.pack.pack, bases, report);
  for (const rule of Object.keys(uniqueRulesOf(options.pack))) await checkAcrossShards(rule, shards.length, options, report);
  for (const claim of options.claims ?? []) {
    if (claim.records !== bases[claim.entity]) {
      report.fail(CLAIM_RULE[claim.kind], { source: claim.source, entity: claim.entity, claimed: claim.records, found: bases[claim.entity] });
    }
  }
  return report.build(bases);
}

function shifted(failures: RuleFailures, bases: EntityCounts): RuleFailures {
  return {
    ...failures,
    examples: failures.examples.map(({ scope, example }) => {
      const positioned = scope !== "snapshot" && typeof example === "object" && example !== null && typeof (example as { record?: unknown }).record === "number";
      if (!positioned) return { scope, example };
      const record = (example as { record: number }).record + (bases[scope] ?? 0);
      return { scope, example: { ...(example as object), record } };
    }),
  };
}

/**
 * Keys one pass of the cross-shard check puts in its table. A table of n keys takes up to 57 bytes a
 * key (KeyTable), and all shards' packed keys 16: a 1M-household snapshot's 6.6M coverage ids in one
 * table, with every shard's keys loaded, held ~440 MB, the worker's peak. In passes of 1M keys, ~50 MB.
 */
const KEYS_PER_PASS = 1_000_000;

/** Which pass a packed key belongs to: a hash of its four words, so text keys (licences, VINs) spread as well as UUIDs. */
function passOf(key: Uint32Array, passes: number): number {
  return (Math.imul(key[0]! ^ Math.imul(key[1]!, 0x9e3779b1) ^ Math.imul(key[2]!, 0x85ebca6b) ^ Math.imul(key[3]!, 0xc2b2ae35), 0x27d4eb2f) >>> 0) % passes;
}

/**
 * Reports every key of `rule` that more than one shard holds. The keys are checked in passes of at
 * most `keysPerPass` (a key and its repeats always fall in the same pass). Each shard's keys are read
 * twice, whatever the pass count: once to count them, once to check the first pass's keys and spill
 * the others' to bucket files (KeyBuckets), which the later passes read back. Failures come in pass
 * order, then shard order, then the shard's own order: the same report as reading every shard again
 * for each pass, which cost the square of the keys (a 2M-household snapshot's 14M coverage ids took
 * 15 passes over every shard's keys).
 */
async function checkAcrossShards(rule: UniqueRule, shardCount: number, options: MergeShardGatesOptions, report: ReportBuilder): Promise<void> {
  if (shardCount < 2) return;
  const { keysOf } = options;
  // Counted first, each shard's keys dropped at once.
  let total = 0;
  for (let shard = 0; shard < shardCount; shard++) total += (await keysOf(shard, rule)).size;
  const passes = Math.max(1, Math.ceil(total / (options.keysPerPass ?? KEYS_PER_PASS)));
  const tableSize = Math.ceil(total / passes);
  const buckets = passes > 1 ? new KeyBuckets(options.spillDir ?? tmpdir(), passes) : null;
  try {
    const kind = await firstPass(rule, shardCount, keysOf, tableSize, buckets, report);
    for (let pass = 1; pass < passes; pass++) checkBucket(rule, kind, buckets!.take(pass), tableSize, report);
  } finally {
    buckets?.close();
  }
}

/**
 * The first pass: reads every shard's keys, checks those of pass 0 (and the keys that did not pack,
 * rare, all checked here) and spills the others to their pass's bucket. Returns the rule's key kind.
 */
async function firstPass(rule: UniqueRule, shardCount: number, keysOf: MergeShardGatesOptions["keysOf"], tableSize: number, buckets: KeyBuckets | null, report: ReportBuilder): Promise<KeyKind> {
  // Maps a key to the first shard that holds it.
  const table = new KeyTable(tableSize);
  const others = new Map<string, number>();
  const key = new Uint32Array(4);
  // Every shard's keys of a rule have the rule's kind.
  let kind: KeyKind = "uuid";
  for (let shard = 0; shard < shardCount; shard++) {
    const keys = await keysOf(shard, rule);
    const { words } = keys;
    kind = keys.kind;
    const unpacked = keys.others.length > 0 ? new Map(keys.others) : null;
    for (let ordinal = 0; ordinal < keys.size; ordinal++) {
      const value = unpacked?.get(ordinal);
      let first: number;
      if (value === undefined) {
        const at = ordinal * 4;
        key[0] = words[at]!;
        key[1] = words[at + 1]!;
        key[2] = words[at + 2]!;
        key[3] = words[at + 3]!;
        const pass = buckets ? passOf(key, buckets.buckets) : 0;
        if (pass !== 0) {
          buckets!.add(pass, key, shard);
          continue;
        }
        first = table.insert(key, shard);
      } else {
        first = others.get(value) ?? -1;
        if (first < 0) others.set(value, shard);
      }
      if (first >= 0) report.fail(rule, { value: value ?? describeKey(kind, key), first_shard: first, shard });
    }
  }
  return kind;
}

/** One later pass: its spilled keys, in the order the shards held them, into a table of their own. */
function checkBucket(rule: UniqueRule, kind: KeyKind, entries: Uint32Array, tableSize: number, report: ReportBuilder): void {
  const table = new KeyTable(tableSize);
  const key = new Uint32Array(4);
  for (let at = 0; at < entries.length; at += ENTRY_WORDS) {
    key[0] = entries[at]!;
    key[1] = entries[at + 1]!;
    key[2] = entries[at + 2]!;
    key[3] = entries[at + 3]!;
    const shard = entries[at + 4]!;
    const first = table.insert(key, shard);
    if (first >= 0) report.fail(rule, { value: describeKey(kind, key), first_shard: first, shard });
  }
}

/** A packed key as the report shows it. */
function describeKey(kind: KeyKind, key: Uint32Array): string {
  return kind === "uuid" ? decodeUuid(key) : kind === "hashed-text" ? describeHashedText(key) : decodeShortText(key);
}
