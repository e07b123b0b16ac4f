import type { z } from "zod";

// What a pack declares about its entities (ADR 0016): the engine iterates these declarations instead
// of naming entities. The exporters, the quality collector, the dataset descriptor, the pull filter and
// the consumer CLI read them, and the validation gate runs the rules they imply (schema, primary keys,
// references, exactly-one children) from them; a pack adds only its domain rules.

/** A reference from one entity's records to another's: `field` holds a `key` of `entity`. */
export interface ForeignKeySpec {
  field: string;
  entity: string;
  key: string;
  /**
   * The code of the gate rule that checks the reference (rule codes are public and never renamed, so
   * the declaration names them): by default the implied rule "every `field` is a record of `entity`".
   */
  rule: string;
  /**
   * True when `rule` is the pack's own, stronger rule with its own wording (a profile's primary
   * vehicle must be its person's most-driven one, not any vehicle): then no rule is implied.
   */
  packRule?: boolean;
}

/** How an entity's records come from its parent's: `one` exactly one per parent record, or `many`. */
export type ParentSpec = {
  entity: string;
  /** The field of the child that holds the parent's primary key. */
  field: string;
} & (
  | { cardinality: "many" }
  /** Exactly one: the codes of the rules "every parent has one" and "no parent has two". */
  | { cardinality: "one"; missingRule: string; duplicateRule: string }
);

export interface EntitySpec<Name extends string = string> {
  name: Name;
  /** Singular, for schema titles: "Person". */
  title: string;
  /** One line for the dataset descriptor and the data dictionary. */
  description: string;
  schema: z.ZodObject;
  primaryKey: string;
  /** The codes of the rules every declaration implies: records match the schema; the primary key is unique. */
  rules: { schema: string; unique: string };
  foreignKeys: readonly ForeignKeySpec[];
  /** Null for the root entity, whose records `config.records` counts, and for a lookup table. */
  parent: ParentSpec | null;
  /**
   * A lookup table (a recipe's product list): outside the root's tree, exactly `rows` records whatever
   * the config's `records`, written once with root record 0 and named by references from anywhere.
   * Declared after the root's tree. `rule`: the code of the implied rule "the snapshot holds exactly
   * its `rows` records", checked once every record is in.
   */
  lookup?: { rows: number; rule: string };
  /**
   * Fields whose schema failure the gate reports under a more specific rule than `rules.schema`: a phone
   * outside the fictional range is a privacy breach first, whatever else is wrong with it.
   */
  fieldRules?: Readonly<Record<string, string>>;
  /** About how many records of this entity one root record makes: sizes the gate's key tables up front (a hint, never checked). */
  perRoot?: number;
  /**
   * The schema version (major.minor) that added the entity to a pack already published: manifests and
   * quality reports of older snapshots lack it, so its count and columns are optional when read.
   */
  since?: string;
}

export interface PackSpec<Name extends string = string> {
  /** The name a config chooses it by. */
  name: string;
  /** The dataset descriptor's `dataset`, title and description. */
  dataset: string;
  title: string;
  description: string;
  /** Entities in build order: each entity's parent comes before it. The first is the root; lookup tables come last. */
  entities: readonly EntitySpec<Name>[];
  /** The entities the quality summary's first line counts (default: every entity, in build order). */
  summaryEntities?: readonly Name[];
}

/**
 * The gate rules a declaration implies, with the wording the validation report shows: schema validity,
 * primary-key uniqueness, every declared reference, and "exactly one" children.
 */
export function impliedRules(pack: PackSpec): Array<{ code: string; message: string }> {
  const byName = new Map(pack.entities.map((e) => [e.name, e]));
  const lower = (title: string) => title.toLowerCase();
  const rules: Array<{ code: string; message: string }> = [];
  for (const e of pack.entities) {
    rules.push({ code: e.rules.schema, message: `Every ${lower(e.title)} matches the ${e.title} schema (types, formats, allowed values)` });
    rules.push({ code: e.rules.unique, message: `${e.primaryKey} is unique` });
    for (const fk of e.foreignKeys) {
      if (!fk.packRule) rules.push({ code: fk.rule, message: `Every ${lower(e.title)}'s ${fk.field} is a ${lower(byName.get(fk.entity)?.title ?? fk.entity)} in the snapshot` });
    }
    if (e.lookup) rules.push({ code: e.lookup.rule, message: `The snapshot holds the ${e.lookup.rows.toLocaleString("en-US")} rows of the lookup table ${e.name} once` });
    if (e.parent?.cardinality === "one") {
      const parent = lower(byName.get(e.parent.entity)?.title ?? e.parent.entity);
      rules.push({ code: e.parent.missingRule, message: `Every ${parent} has a ${lower(e.title)}` });
      rules.push({ code: e.parent.duplicateRule, message: `No ${parent} has more than one ${lower(e.title)}` });
    }
  }
  return rules;
}

/** Problems of a declaration (unknown or later parents, foreign keys to unknown entities or keys); empty when sound. */
export function packSpecProblems(pack: PackSpec): string[] {
  const problems: string[] = [];
  const seen = new Map<string, EntitySpec>();
  pack.entities.forEach((entity, i) => {
    if (seen.has(entity.name)) problems.push(`${entity.name} is declared twice`);
    if (!(entity.primaryKey in entity.schema.shape)) problems.push(`${entity.name}: primary key ${entity.primaryKey} is not a field of its schema`);
    if (i === 0 && entity.parent) problems.push(`${entity.name} is the root (first) entity but has a parent`);
    if (i > 0 && !entity.parent && !entity.lookup) problems.push(`${entity.name} has no parent; only the first entity is the root (or a lookup table)`);
    if (entity.lookup && (i === 0 || entity.parent)) problems.push(`${entity.name}: a lookup table has no parent and is not the root`);
    if (!entity.lookup && pack.entities.slice(0, i).some((e) => e.lookup)) problems.push(`${entity.name} is declared after a lookup table; lookup tables come last`);
    if (entity.parent && !seen.has(entity.parent.entity)) problems.push(`${entity.name}: parent ${entity.parent.entity} is not declared before it`);
    for (const fk of entity.foreignKeys) {
      if (!(fk.field in entity.schema.shape)) problems.push(`${entity.name}: foreign key field ${fk.field} is not a field of its schema`);
      // A lookup table is made whole before any record, so any entity may name it, wherever it is declared.
      const lookup = pack.entities.find((e) => e.name === fk.entity && e.lookup);
      const target = seen.get(fk.entity) ?? lookup ?? (fk.entity === entity.name ? entity : undefined);
      if (!target) problems.push(`${entity.name}.${fk.field}: ${fk.entity} is not declared before it`);
      else if (target.primaryKey !== fk.key) problems.push(`${entity.name}.${fk.field}: ${fk.entity}.${fk.key} is not its primary key`);
    }
    for (const field of Object.keys(entity.fieldRules ?? {})) {
      if (!(field in entity.schema.shape)) problems.push(`${entity.name}: field rule for ${field}, which is not a field of its schema`);
    }
    if (entity.perRoot !== undefined && !(entity.perRoot > 0)) problems.push(`${entity.name}: perRoot must be a positive number, got ${entity.perRoot}`);
    if (entity.parent && !entity.foreignKeys.some((fk) => fk.field === entity.parent!.field && fk.entity === entity.parent!.entity)) {
      problems.push(`${entity.name}: parent field ${entity.parent.field} is not declared as a foreign key to ${entity.parent.entity}`);
    }
    seen.set(entity.name, entity);
  });
  return problems;
}
