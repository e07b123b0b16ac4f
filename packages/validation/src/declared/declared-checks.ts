import type { EntitySpec, PackSpec } from "@sdh/schemas";
import type { CompactKeySet} from "../keys/compact-key-set.js";
import { type KeyKind } from "../keys/compact-key-set.js";
import type { FailureSink } from "../report-builder.js";
import { compileSchemaCheck, fieldOk, type SchemaCheck } from "../schema-check.js";
import { OrdinalArray } from "./ordinal-arrays.js";

/** What the declared rules learnt of one record, for the pack's own rules to build on. */
export interface Checked {
  /** The fields that broke the schema: rules that read a field trust it only when it is not listed. */
  invalid: readonly string[];
  /** The record's ordinal among its entity's primary keys; -1 when the key is not a string or repeats one. */
  ordinal: number;
  /**
   * Per declared foreign key, in declaration order: the ordinal of the record it names; -1 when the
   * field is null or names no record, when the key is the pack's own rule (not looked up here), and
   * for an exactly-one child whose parent already has one (a duplicate the pack's rules should skip).
   */
  refs: Int32Array;
}

interface CompiledForeignKey {
  field: string;
  rule: string;
  /** Null for a pack's own rule: the engine neither looks it up nor reports it. */
  target: CompactKeySet | null;
}

interface CompiledEntity {
  spec: EntitySpec;
  schema: SchemaCheck;
  keys: CompactKeySet;
  report: FailureSink;
  foreignKeys: CompiledForeignKey[];
  /** For an exactly-one child: which foreign key is the parent's, and which parents have their child already. */
  one: { fk: number; field: string; duplicateRule: string; seen: OrdinalArray<Uint8Array> } | null;
  /** For a parent of an exactly-one child: each record's 1-based position, to name a parent left without one. */
  positions: OrdinalArray<Uint32Array> | null;
  checked: Checked;
}

/** How a primary key packs in its key set, from the JSON Schema of its field. */
export function primaryKeyKind(spec: EntitySpec, jsonSchema: { properties: Record<string, { format?: string; maxLength?: number }> }): KeyKind {
  const property = jsonSchema.properties[spec.primaryKey];
  if (property?.format === "uuid") return "uuid";
  return property?.maxLength !== undefined && property.maxLength <= 21 ? "short-text" : "hashed-text";
}

/**
 * The rules every declaration implies (ADR 0016), run from the pack's declaration for any entity:
 * records match the schema, primary keys are unique, each foreign key names a record already seen,
 * and an exactly-one child is its parent's only one (`finish` reports parents without one). Every
 * child is built in its root's shard, so a shard's gate sees every record a reference can name.
 */
export class DeclaredChecks {
  private readonly entities = new Map<string, CompiledEntity>();

  /** `keys` holds the key set of each entity's uniqueness rule; `reportOf` scopes failures to an entity's positions. */
  constructor(pack: PackSpec, keys: Readonly<Record<string, CompactKeySet>>, reportOf: (entity: string) => FailureSink, expectedRoots = 1024) {
    const specs = new Map(pack.entities.map((e) => [e.name, e]));
    const parentsOfOne = new Set(pack.entities.flatMap((e) => (e.parent?.cardinality === "one" ? [e.parent.entity] : [])));
    for (const spec of pack.entities) {
      const expected = Math.ceil(expectedRoots * (spec.perRoot ?? 1));
      const foreignKeys = spec.foreignKeys.map((fk) => ({ field: fk.field, rule: fk.rule, target: fk.packRule ? null : keys[specs.get(fk.entity)!.rules.unique]! }));
      const parent = spec.parent;
      this.entities.set(spec.name, {
        spec,
        schema: compileSchemaCheck(spec.schema),
        keys: keys[spec.rules.unique]!,
        report: reportOf(spec.name),
        foreignKeys,
        one:
          parent?.cardinality === "one"
            ? { fk: spec.foreignKeys.findIndex((fk) => fk.field === parent.field), field: parent.field, duplicateRule: parent.duplicateRule, seen: new OrdinalArray((n) => new Uint8Array(n), expected) }
            : null,
        positions: parentsOfOne.has(spec.name) ? new OrdinalArray((n) => new Uint32Array(n), expected) : null,
        checked: { invalid: [], ordinal: -1, refs: new Int32Array(spec.foreignKeys.length) },
      });
    }
  }

  /**
   * Runs the declared rules on the record at 1-based `position` of its entity's stream. The returned
   * object is reused for the entity's next record: read it before checking another.
   */
  check(entity: string, record: unknown, position: number): Checked {
    const e = this.entities.get(entity);
    if (!e) throw new Error(`no entity named ${entity} in the pack`);
    const { spec, schema, report, checked } = e;
    const r = (record ?? {}) as Record<string, unknown>;
    const primaryKey = spec.primaryKey;
    const invalid = (checked.invalid = schema.invalidFields(record));
    if (invalid.length > 0) this.reportSchema(e, record, r, position, invalid);

    const key = r[primaryKey];
    checked.ordinal = -1;
    if (typeof key === "string") {
      const ordinal = e.keys.add(key);
      if (ordinal < 0) report.fail(spec.rules.unique, this.example(e, r, position));
      else {
        checked.ordinal = ordinal;
        if (e.positions) e.positions.at(ordinal)[ordinal] = position;
      }
    }

    const { refs } = checked;
    const { foreignKeys } = e;
    for (let i = 0; i < foreignKeys.length; i++) {
      const fk = foreignKeys[i]!;
      const value = r[fk.field];
      refs[i] = -1;
      if (fk.target === null || value === null) continue;
      const ordinal = typeof value === "string" ? fk.target.find(value) : -1;
      if (ordinal >= 0) refs[i] = ordinal;
      else if (fieldOk(invalid, fk.field)) report.fail(fk.rule, { ...this.example(e, r, position), [fk.field]: value });
    }

    const one = e.one;
    if (one && refs[one.fk]! >= 0) {
      const parent = refs[one.fk]!;
      const seen = one.seen.at(parent);
      if (seen[parent] === 1) {
        report.fail(one.duplicateRule, this.example(e, r, position));
        refs[one.fk] = -1;
      } else seen[parent] = 1;
    }
    return checked;
  }

  /** Reports each parent left without its exactly-one child (a whole-stream rule: run once every record is in). */
  finish(): void {
    for (const e of this.entities.values()) {
      const parentSpec = e.spec.parent;
      if (!e.one || parentSpec?.cardinality !== "one") continue;
      const parent = this.entities.get(parentSpec.entity)!;
      const seen = e.one.seen.values;
      const positions = parent.positions!.values;
      for (let ordinal = 0; ordinal < parent.keys.size; ordinal++) {
        if (ordinal >= seen.length || seen[ordinal] === 0) parent.report.fail(parentSpec.missingRule, { record: positions[ordinal] });
      }
    }
  }

  /** Bytes held beyond the key sets: positions and "has its child" flags. */
  get bytes(): number {
    let bytes = 0;
    for (const e of this.entities.values()) bytes += (e.one?.seen.bytes ?? 0) + (e.positions?.bytes ?? 0);
    return bytes;
  }

  /** Examples name the record by position and key, and a child by its parent too: built only when a rule fails. */
  private example(e: CompiledEntity, r: Record<string, unknown>, position: number): Record<string, unknown> {
    const example: Record<string, unknown> = { record: position, [e.spec.primaryKey]: r[e.spec.primaryKey] };
    if (e.spec.parent) example[e.spec.parent.field] = r[e.spec.parent.field];
    return example;
  }

  /** A field with a rule of its own is reported under it; the rest under the entity's schema rule, with zod's words. */
  private reportSchema(e: CompiledEntity, record: unknown, r: Record<string, unknown>, position: number, invalid: readonly string[]): void {
    const fieldRules = e.spec.fieldRules;
    let general = invalid.length;
    if (fieldRules) {
      general = 0;
      for (const field of invalid) {
        const code = fieldRules[field];
        if (code) e.report.fail(code, { ...this.example(e, r, position), [field]: r[field] });
        else general++;
      }
    }
    if (general === 0) return;
    e.report.failLazy(e.spec.rules.schema, () => ({
      ...this.example(e, r, position),
      problems: e.schema.explain(record).filter((problem) => !fieldRules || !(problem.split(":")[0]! in fieldRules)),
    }));
  }
}
