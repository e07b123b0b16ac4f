import { recordJsonSchema } from "@sdh/schemas";
import { primaryKeyKind } from "../declared/declared-checks.js";
import type { PackChecks } from "../pack-checks.js";
import { CompactKeySet, type KeyKind } from "./compact-key-set.js";

export interface UniqueRuleSpec {
  kind: KeyKind;
  /** About how many keys per root record, to size the table up front. */
  perRoot: number;
}

/**
 * A pack's uniqueness rules, each with how its keys pack: every entity's primary key (from its
 * declaration), then the pack's own (licences, VINs...). A sharded build checks them again across shards.
 */
export function uniqueRulesOf(checks: PackChecks): Record<string, UniqueRuleSpec> {
  const rules: Record<string, UniqueRuleSpec> = {};
  for (const entity of checks.pack.entities) {
    const schema = recordJsonSchema(entity.schema) as Parameters<typeof primaryKeyKind>[1];
    rules[entity.rules.unique] = { kind: primaryKeyKind(entity, schema), perRoot: entity.perRoot ?? 1 };
  }
  return { ...rules, ...checks.uniqueKeys };
}

export type UniqueRule = string;

/** One key set per uniqueness rule; primary keys' ordinals double as indexes of per-record state. */
export type UniqueKeys = Record<UniqueRule, CompactKeySet>;

export function createUniqueKeys(rules: Readonly<Record<string, UniqueRuleSpec>>, expectedRoots?: number): UniqueKeys {
  return Object.fromEntries(Object.entries(rules).map(([rule, { kind, perRoot }]) => [rule, new CompactKeySet(kind, expectedRoots && Math.ceil(expectedRoots * perRoot))]));
}
