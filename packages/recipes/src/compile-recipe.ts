import type { EntitySpec, PackSpec } from "@sdh/schemas";
import { packCatalog, type Pack, type PackChecks, type RuleCatalog } from "@sdh/validation";
import { z } from "zod";
import { meanOf } from "./distributions.js";
import type { Recipe } from "./parse-recipe.js";
import type { LearnedSummary } from "./recipe-document.js";
import { createRecipeGenerator } from "./recipe-generator.js";
import { RecipeTally } from "./recipe-tally.js";

// A recipe as the engine runs it: a pack whose declaration, schemas, gate rules and distribution
// checks are derived from the recipe, and whose generator is the recipe's (recipe-generator.ts). The
// shard builder, the gate, the exporters and the manifest take it as they take the P&C pack.

/** The recipe engine's version: it moves with any change to the bytes a recipe and a seed give. */
export const RECIPE_ENGINE = { name: "sdh-recipes", version: "0.4.0" } as const;

const upper = (name: string) => name.toUpperCase();
const title = (name: string) => name.split("_").map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");

/** The unique rule of a non-key field that asks for unique values. */
export const uniqueRuleOf = (entity: string, field: string) => `UNIQUE_${upper(entity)}_${upper(field)}`;

export function compileRecipe(recipe: Recipe): Pack {
  const doc = recipe.document;
  const perRoot = new Map<string, number>([[recipe.order[0]!, 1]]);
  for (const name of recipe.order.slice(1)) {
    const { parent, lookup } = doc.entities[name]!;
    // A lookup table's rows sit in one shard: spread over the recipe's records, only to size the key tables.
    perRoot.set(name, lookup ? lookup.rows / (doc.records ?? lookup.rows) : perRoot.get(parent!.entity)! * meanOf(parent!.children));
  }
  const entities: EntitySpec[] = recipe.order.map((name) => {
    const e = doc.entities[name]!;
    const shape: Record<string, z.ZodType> = {};
    for (const f of recipe.fields.get(name)!) {
      // Outliers widen the bounds the gate checks (they are meant to be there).
      let schema = f.type.schema((f.outliers?.widened ?? f.params) as never);
      if (f.description) schema = schema.describe(f.description);
      // A value may be null when the field asks for nulls, or its type makes nulls (an optional unit line, a date after a null one).
      shape[f.name] = f.nullRate > 0 || mayBeNull(f.type.name, f.params) ? schema.nullable() : schema;
    }
    if (e.parent) shape[e.parent.field] = doc.entities[e.parent.entity]!.fields[doc.entities[e.parent.entity]!.key]!.type === "uuid" ? z.uuid() : z.string().min(1);
    const ordered = orderedShape(shape, e.key, e.parent?.field);
    return {
      name,
      title: title(name),
      description: e.description ?? `${title(name)} records`,
      schema: z.strictObject(ordered),
      primaryKey: e.key,
      rules: { schema: `SCHEMA_${upper(name)}_INVALID`, unique: `UNIQUE_${upper(name)}_${upper(e.key)}` },
      foreignKeys: [
        ...(e.parent ? [{ field: e.parent.field, entity: e.parent.entity, key: doc.entities[e.parent.entity]!.key, rule: `REF_${upper(name)}_${upper(e.parent.entity)}_MISSING` }] : []),
        // References besides the parent: checked as the parent's key is (the record they name is in the same root's tree),
        // or, to a lookup table (whose rows are in one shard), against the table made again (recipeChecks).
        ...recipe.fields.get(name)!.flatMap((f) => {
          const target = f.type.references?.(f.params as never);
          return target ? [{ field: f.name, entity: target, key: doc.entities[target]!.key, rule: `REF_${upper(name)}_${upper(f.name)}_MISSING`, ...(recipe.lookups.has(target) ? { packRule: true } : {}) }] : [];
        }),
      ],
      parent: e.parent ? { entity: e.parent.entity, field: e.parent.field, cardinality: "many" as const } : null,
      ...(e.lookup ? { lookup: { rows: e.lookup.rows, rule: `LOOKUP_${upper(name)}_ROWS` } } : {}),
      perRoot: perRoot.get(name)!,
    };
  });
  const spec: PackSpec = { name: doc.name, dataset: doc.name, title: doc.title, description: doc.description ?? doc.title, entities };
  return {
    spec,
    generator: RECIPE_ENGINE,
    generate: (config) => createRecipeGenerator(recipe, config),
    asOfProblem: () => null,
    checks: recipeChecks(recipe, spec, perRoot),
    createTally: () => new RecipeTally(recipe),
    ...(doc.learned ? { summarySections: learnedSection(doc.learned) } : {}),
  };
}

/** What sdh learn measured, for the quality summary of a snapshot of a recipe it wrote. */
function learnedSection(learned: LearnedSummary): string[] {
  const pct = (x: number | undefined) => (x === undefined ? "" : `${(x * 100).toFixed(1)}%`);
  return [
    "## Fidelity to the sample (sdh learn)",
    "",
    `Learned from ${learned.from.join(", ")} (categories carried only when ${learned.k} or more rows hold them); mean fidelity ${learned.score} (1 = alike). Measured when the recipe was written: ${learned.method}.`,
    "",
    "| entity | sample rows | fidelity | column shapes | column pair trends | identical to a training row (generated / held out) | closest-row distance p5 / p50 (generated / held out) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...Object.entries(learned.entities).map(([entity, e]) => `| ${entity} | ${e.rows} | ${e.score} | ${e.shapes} | ${e.trends} | ${pct(e.identical)} / ${pct(e.holdoutIdentical)} | ${e.closest ? `${e.closest.p5} / ${e.closest.p50}` : ""} · ${e.holdoutClosest ? `${e.holdoutClosest.p5} / ${e.holdoutClosest.p50}` : ""} |`),
  ];
}

/** Fields whose type can leave a value empty on its own. */
function mayBeNull(type: string, params: unknown): boolean {
  return type === "address_line2" || type === "reference" || ((type === "date" || type === "timestamp") && Boolean((params as { after?: unknown }).after));
}

/** The key first, then the parent's key, then the rest as the recipe lists them. */
function orderedShape(shape: Record<string, z.ZodType>, key: string, parentField: string | undefined): Record<string, z.ZodType> {
  const first = [key, ...(parentField ? [parentField] : [])];
  return Object.fromEntries([...first.map((k) => [k, shape[k]!] as const), ...Object.entries(shape).filter(([k]) => !first.includes(k))]);
}

/**
 * The gate's rules beyond the declaration: uniqueness of the fields that ask for it, and the lookup
 * tables. A lookup table's rows are in one shard, so a reference to one is checked against the table
 * made again from the seed, and each row the snapshot holds must be one of that table's (with the
 * implied rule that it holds exactly `rows` of them, that is the whole table, once).
 */
function recipeChecks(recipe: Recipe, spec: PackSpec, perRoot: ReadonlyMap<string, number>): PackChecks {
  const unique = [...recipe.fields].flatMap(([entity, fields]) => fields.filter((f) => f.unique && f.name !== recipe.document.entities[entity]!.key).map((f) => ({ entity, field: f.name, rule: uniqueRuleOf(entity, f.name) })));
  const toLookups = spec.entities.flatMap((e) => e.foreignKeys.filter((fk) => fk.packRule).map((fk) => ({ entity: e, fk })));
  const lookups = spec.entities.filter((e) => e.lookup);
  const own: RuleCatalog = Object.fromEntries([
    ...unique.map((u) => [u.rule, { severity: "error" as const, message: `${u.field} of ${u.entity} is unique in the snapshot` }] as const),
    ...toLookups.map(({ entity, fk }) => [fk.rule, { severity: "error" as const, message: `Every ${entity.title.toLowerCase()}'s ${fk.field} is a row of the lookup table ${fk.entity}` }] as const),
  ]);
  return {
    pack: spec,
    rules: packCatalog(spec, own),
    uniqueKeys: Object.fromEntries(unique.map((u) => [u.rule, { kind: "hashed-text" as const, perRoot: perRoot.get(u.entity)! }])),
    create({ asOf, seed, reportOf, keys }) {
      const byEntity = new Map<string, Array<(record: Record<string, unknown>, position: number, invalid: readonly string[]) => void>>();
      const add = (entity: string, check: (record: Record<string, unknown>, position: number, invalid: readonly string[]) => void) => byEntity.set(entity, [...(byEntity.get(entity) ?? []), check]);
      for (const u of unique) {
        const report = reportOf(u.entity);
        add(u.entity, (record, position, invalid) => {
          const value = record[u.field];
          if (value === null || value === undefined || invalid.includes(u.field)) return;
          if (keys[u.rule]!.add(String(value)) < 0) report.fail(u.rule, { record: position, [u.field]: value });
        });
      }
      if (lookups.length) {
        if (seed === undefined) throw new Error(`recipe ${spec.name} has lookup tables: its gate needs the snapshot's seed to make them again`);
        const generator = createRecipeGenerator(recipe, { seed, asOf });
        const tables = new Map(lookups.map((e) => [e.name, new Set(generator.lookupKeys(e.name))]));
        for (const e of lookups) {
          const report = reportOf(e.name);
          add(e.name, (record, position) => {
            if (!tables.get(e.name)!.has(record[e.primaryKey])) report.fail(e.lookup!.rule, { record: position, [e.primaryKey]: record[e.primaryKey], problem: `not a row of ${e.name} as the recipe and seed make it` });
          });
        }
        for (const { entity, fk } of toLookups) {
          const report = reportOf(entity.name);
          add(entity.name, (record, position, invalid) => {
            const value = record[fk.field];
            if (value === null || value === undefined || invalid.includes(fk.field) || tables.get(fk.entity)!.has(value)) return;
            report.fail(fk.rule, { record: position, [entity.primaryKey]: record[entity.primaryKey], [fk.field]: value });
          });
        }
      }
      const checks = Object.fromEntries(
        [...byEntity].map(([entity, list]) => [entity, (record: Record<string, unknown>, position: number, { invalid }: { invalid: readonly string[] }) => {
          for (const check of list) check(record, position, invalid);
        }]),
      );
      return { checks, bytes: () => 0 };
    },
  };
}
