import type { PackSpec } from "@sdh/schemas";
import type { Checked } from "./declared/declared-checks.js";
import type { CompactKeySet, KeyKind } from "./keys/compact-key-set.js";
import type { FailureSink } from "./report-builder.js";
import type { RuleCatalog } from "./rule-catalog.js";

/**
 * A pack's own rule on one record, run after the rules its declaration implies (schema, keys,
 * references), with what they learnt: which fields to trust and the ordinals of the records named.
 */
export type DomainCheck = (record: Record<string, unknown>, position: number, checked: Checked) => void;

export interface PackCheckContext {
  /** The snapshot's reference date: ages, licence dates and model years are judged against it. */
  asOf: string;
  /** The snapshot's seed, when the pack's rules need it (a recipe makes its lookup tables again to check the references to them). */
  seed?: number;
  /** Where an entity's failures go, positioned in that entity's stream. */
  reportOf(entity: string): FailureSink;
  /** The key set of every uniqueness rule, primary keys' included: their ordinals index the pack's own per-record state. */
  keys: Readonly<Record<string, CompactKeySet>>;
  /** Expected root records, to size tables up front; a hint, never checked. */
  expectedRoots?: number;
}

/** What a pack adds to the gate beyond its declaration (ADR 0016): its domain rules and the uniqueness rules they need. */
export interface PackChecks {
  pack: PackSpec;
  /** Every rule the gate reports for the pack, in report order (see packCatalog): the report lists each, failed or not. */
  rules: RuleCatalog;
  /** Uniqueness rules beyond primary keys: how each one's keys pack, and about how many per root record. */
  uniqueKeys: Readonly<Record<string, { kind: KeyKind; perRoot: number }>>;
  /**
   * One gate's domain checks, by entity (an entity without any may be left out); `finish` runs the
   * rules that need every record (once all are in, per shard); `bytes` is what their state holds.
   */
  create(context: PackCheckContext): { checks: Readonly<Record<string, DomainCheck>>; finish?(): void; bytes(): number };
}
