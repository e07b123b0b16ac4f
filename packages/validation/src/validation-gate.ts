import { impliedRules, perEntity, type EntityCounts, type Entity, type PackSpec } from "@sdh/schemas";
import { DeclaredChecks } from "./declared/declared-checks.js";
import type { ExportedKeys } from "./keys/compact-key-set.js";
import { createUniqueKeys, uniqueRulesOf, type UniqueKeys, type UniqueRule } from "./keys/unique-keys.js";
import type { DomainCheck, PackChecks } from "./pack-checks.js";
import { ReportBuilder, type RuleFailures } from "./report-builder.js";

import type { CountClaim, RecordObserver, ValidationRun } from "./validate-snapshot.js";

export interface GateOptions {
  /** The snapshot's reference date: ages, licence dates and model years are judged against it. */
  asOf: string;
  /** The snapshot's seed: a recipe's lookup tables are made again from it, to check the references that name their rows. */
  seed?: number;
  /** Expected persons, to size the id tables up front; a hint, never checked. */
  expectedPersons?: number;
  observers?: readonly RecordObserver[];
  /** The pack whose declaration and domain rules the gate runs. */
  pack: PackChecks;
}

/**
 * What a gate that saw one shard of a snapshot hands to the merge (see mergeShardGates): its counts
 * and failures (JSON-safe, small), and its uniqueness keys (large; kept as typed arrays).
 */
export interface ShardGateResult {
  counts: EntityCounts;
  failures: RuleFailures[];
}

/**
 * A whole-snapshot rule: each lookup table holds exactly its rows (its shard holds them all, the
 * others none, so this is checked on one stream's counts or on the merged shards', never per shard).
 */
export function checkLookupRows(pack: PackSpec, counts: EntityCounts, report: ReportBuilder): void {
  for (const e of pack.entities) {
    if (e.lookup && counts[e.name] !== e.lookup.rows) report.fail(e.lookup.rule, { entity: e.name, expected: e.lookup.rows, found: counts[e.name] });
  }
}

export const CLAIM_RULE: Record<CountClaim["kind"], string> = {
  config: "COUNT_CONFIG_MISMATCH",
  generated: "COUNT_GENERATED_MISMATCH",
  export: "COUNT_EXPORT_MISMATCH",
  manifest: "COUNT_MANIFEST_MISMATCH",
};

/**
 * The rule set as a gate records are pushed through one at a time. Entities may interleave (a
 * generator emits each household, then its persons, vehicles and profiles) as long as a record comes
 * after the records it names, and a person's vehicles before their profile.
 */
export class ValidationGate {
  private readonly report: ReportBuilder;
  private readonly keys: UniqueKeys;
  private readonly uniqueRules: readonly UniqueRule[];
  private readonly declared: DeclaredChecks;
  private readonly domain: Readonly<Record<string, DomainCheck>>;
  private readonly domainBytes: () => number;
  private readonly domainFinish: () => void;
  private readonly observers: readonly RecordObserver[];
  private readonly pack: PackChecks;
  readonly counts: EntityCounts;

  constructor(options: GateOptions) {
    const { asOf, seed, expectedPersons, pack } = options;
    const rules = uniqueRulesOf(pack);
    const unknown = [...new Set([...impliedRules(pack.pack).map((r) => r.code), ...Object.keys(rules), ...Object.values(CLAIM_RULE)])].filter((code) => !(code in pack.rules));
    if (unknown.length > 0) throw new Error(`pack ${pack.pack.name} names rules its catalog does not have: ${unknown.join(", ")}`);
    this.report = new ReportBuilder(pack.rules);
    this.counts = perEntity(pack.pack, () => 0);
    this.uniqueRules = Object.keys(rules);
    this.keys = createUniqueKeys(rules, expectedPersons);
    const reportOf = (entity: string) => this.report.scoped(entity as Entity);
    this.declared = new DeclaredChecks(pack.pack, this.keys, reportOf, expectedPersons);
    const domain = pack.create({ asOf, ...(seed === undefined ? {} : { seed }), reportOf, keys: this.keys, expectedRoots: expectedPersons });
    this.domain = domain.checks;
    this.domainBytes = domain.bytes;
    this.domainFinish = domain.finish ?? (() => {});
    this.observers = options.observers ?? [];
    this.pack = pack;
  }

  check(entity: Entity, record: unknown): void {
    const position = ++this.counts[entity]!;
    const checked = this.declared.check(entity, record, position);
    this.domain[entity]?.((record ?? {}) as Record<string, unknown>, position, checked);
    for (const observer of this.observers) observer.observe(entity, record);
  }

  /** Runs the whole-snapshot rules (every parent has its exactly-one child, counts agree with the claims) and builds the report. */
  finish(claims: readonly CountClaim[] = []): ValidationRun {
    this.declared.finish();
    this.domainFinish();
    const { report, counts } = this;
    checkLookupRows(this.pack.pack, counts, report);
    for (const claim of claims) {
      if (claim.records !== counts[claim.entity]) {
        report.fail(CLAIM_RULE[claim.kind], { source: claim.source, entity: claim.entity, claimed: claim.records, found: counts[claim.entity] });
      }
    }
    return { report: report.build({ ...counts }), indexBytes: this.indexBytes };
  }

  /**
   * Ends a gate that saw one shard: the per-shard rules are done (a generated root's children are
   * always in the root's shard); uniqueness across shards and the count claims are left to
   * mergeShardGates, which gets the keys.
   */
  finishShard(): { result: ShardGateResult; keys: Record<UniqueRule, ExportedKeys> } {
    this.declared.finish();
    this.domainFinish();
    const keys = Object.fromEntries(this.uniqueRules.map((rule) => [rule, this.keys[rule]!.export()])) as Record<UniqueRule, ExportedKeys>;
    return { result: { counts: { ...this.counts }, failures: this.report.state() }, keys };
  }

  /** Bytes held by the key tables and the rules' per-record state: what the gate keeps beyond one record. */
  get indexBytes(): number {
    return this.declared.bytes + this.domainBytes() + this.uniqueRules.reduce((n, rule) => n + this.keys[rule]!.bytes, 0);
  }
}
