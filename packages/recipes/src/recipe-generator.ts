import type { SnapshotConfig } from "@sdh/schemas";
import type { GeneratedRoot, PackGenerator } from "@sdh/validation";
import { drawCopula, leadingWith } from "./copula.js";
import { drawCount } from "./distributions.js";
import type { Recipe } from "./parse-recipe.js";
import { deriveSeed, lookupSeed, rootSeed, saltOf, streamOf, type Seed128 } from "./record-seeds.js";
import { DEFAULT_AGES } from "./types/people.js";
import type { FieldContext } from "./types/semantic-type.js";

// Makes a recipe's records: root record i and everything under it, as a pure function of (seed,
// recipe, i), so a shard builds its range without the records before it. Under each record, each
// child entity draws how many children it has, and each child gets its own seed from its parent's.
// Lookup tables are made whole, row by row from their own seeds, when the generator is created: every
// shard names their rows, and the shard that holds root record 0 writes them.

type Maker = (ctx: FieldContext) => unknown;

/** The records of an entity that a reference may name, from where a record is made (undefined: none yet). */
type Related = (entity: string) => ReadonlyArray<Record<string, unknown>> | undefined;
const NONE_RELATED: Related = () => undefined;

const COPULA_SALT = saltOf("copula");
const DUPLICATE_SALT = saltOf("duplicate");
/** The salts of shared draws (a record's person, its place), by name, computed once. */
const sharedSalts = new Map<string, number>();
const sharedSalt = (name: string) => sharedSalts.get(name) ?? sharedSalts.set(name, saltOf(`shared:${name}`)).get(name)!;
interface CompiledField {
  name: string;
  make: Maker;
  nullRate: number;
  /** Salts of the field's value stream and of its null draw (computed once, not per record). */
  salt: number;
  nullSalt: number;
  /** Its place in the entity's copula, or -1 when it draws on its own. */
  copula: number;
  outliers: { rate: number; make: (r: FieldContext["random"], asOf: string) => unknown; salt: number; valueSalt: number } | null;
}
interface CompiledEntity {
  name: string;
  key: string;
  parentField: string | null;
  fields: CompiledField[];
  byName: ReadonlyMap<string, CompiledField>;
  children: Array<{ entity: string; salt: number; count: (seed: Seed128) => number }>;
  ages: { min: number; max: number };
  copula: readonly Float64Array[] | null;
  /** Fields made after the record's children: those that aggregate over them, and those that read such fields. */
  late: ReadonlySet<string>;
  /** The share of records that repeat an earlier one, and the fields they repeat (not the key, the parent's key, unique or late fields). */
  duplicates: { rate: number; fields: readonly string[] } | null;
  /** Each reference field's target entity, for `ref.field` in derived fields. */
  references: ReadonlyMap<string, string>;
}

/** A lookup table made whole: its records, their keys in row order (what a reference draws from), and each record by its key. */
interface LookupTable {
  records: Array<Record<string, unknown>>;
  keys: unknown[];
  byKey: Map<unknown, Record<string, unknown>>;
}

/** Fields that aggregate over children, and every field that reads one of them (to any depth). */
function lateFields(fields: Recipe["fields"] extends ReadonlyMap<string, infer L> ? L : never): Set<string> {
  const late = new Set(fields.filter((f) => (f.type.aggregates?.(f.params as never) ?? []).length > 0).map((f) => f.name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of fields) {
      if (late.has(f.name) || !(f.type.dependsOn?.(f.params as never) ?? []).some((d) => late.has(d))) continue;
      late.add(f.name);
      grew = true;
    }
  }
  return late;
}

/** The recipe's generator, and the keys of each lookup table it made (what the gate checks references to them against). */
export type RecipeGenerator = PackGenerator & { lookupKeys(entity: string): readonly unknown[] };

export function createRecipeGenerator(recipe: Recipe, config: Pick<SnapshotConfig, "seed" | "asOf">): RecipeGenerator {
  const doc = recipe.document;
  const compiled = new Map<string, CompiledEntity>();
  for (const name of recipe.order) {
    const e = doc.entities[name]!;
    const fields = recipe.fields.get(name)!;
    const agesOf = fields.find((f) => f.type.name === "age" || f.type.name === "date_of_birth")?.params as { min?: number; max?: number } | undefined;
    const copula = recipe.copulas.get(name);
    const late = lateFields(fields);
    const made = fields.map((f) => ({ name: f.name, make: f.type.make(f.params as never), nullRate: f.name === e.key ? 0 : f.nullRate, salt: saltOf(f.name), nullSalt: saltOf(`null:${f.name}`), copula: copula?.fields.indexOf(f.name) ?? -1, outliers: f.outliers ? { rate: f.outliers.rate, make: f.outliers.make, salt: saltOf(`outlier:${f.name}`), valueSalt: saltOf(`outlier-value:${f.name}`) } : null }));
    compiled.set(name, {
      name,
      key: e.key,
      parentField: e.parent?.field ?? null,
      fields: made,
      byName: new Map(made.map((f) => [f.name, f])),
      children: recipe.order
        .filter((c) => doc.entities[c]!.parent?.entity === name)
        .map((c) => {
          const children = doc.entities[c]!.parent!.children;
          const countSalt = saltOf(`children:${c}`);
          return { entity: c, salt: saltOf(c), count: (seed: Seed128) => drawCount(streamOf(seed, countSalt), children) };
        }),
      ages: { min: agesOf?.min ?? DEFAULT_AGES.min, max: agesOf?.max ?? DEFAULT_AGES.max },
      copula: copula?.factor ?? null,
      late,
      duplicates: e.duplicates ? { rate: e.duplicates.rate, fields: fields.filter((f) => f.name !== e.key && !f.unique && !late.has(f.name)).map((f) => f.name) } : null,
      references: new Map(fields.flatMap((f) => { const target = f.type.references?.(f.params as never); return target === undefined ? [] : [[f.name, target] as const]; })),
    });
  }
  const root = compiled.get(recipe.order[0]!)!;
  const { seed, asOf } = config;
  const lookups = new Map<string, LookupTable>();
  /** What any record may name besides its tree: the lookup tables made so far. */
  const LOOKUPS: Related = (name) => lookups.get(name)?.records;

  /**
   * A record's fields, but for its late ones (placeholders, so the columns keep their order), and
   * how to make those once its children exist.
   */
  function makeRecord(entity: CompiledEntity, recordSeed: Seed128, path: string, rootIndex: number, position: number, parentKey: unknown, preset?: Record<string, unknown>, related: Related = NONE_RELATED): { record: Record<string, unknown>; finish: (children: ReadonlyMap<string, Array<Record<string, unknown>>>) => void } {
    let children: ReadonlyMap<string, Array<Record<string, unknown>>> = new Map();
    // A duplicate's repeated values are set first, so fields computed from them agree with them.
    const values = new Map<string, unknown>(preset ? entity.duplicates!.fields.map((f) => [f, preset[f]]) : []);
    // The record's correlated uniforms, drawn from a stream of their own when a correlated field first asks.
    let uniforms: number[] | null = null;
    const shared = new Map<string, unknown>();
    const ctx: FieldContext = {
      random: streamOf(recordSeed, 0),
      shared: <T>(name: string, make: (r: FieldContext["random"]) => T): T => {
        if (!shared.has(name)) shared.set(name, make(streamOf(recordSeed, sharedSalt(name))));
        return shared.get(name) as T;
      },
      value: (field: string) => valueOf(entity.byName.get(field)!),
      children: (name: string) => children.get(name) ?? [],
      related: (name: string) => lookups.get(name)?.keys ?? (related(name) ?? []).map((r) => r[compiled.get(name)!.key]),
      referenced: (field: string) => {
        const key = valueOf(entity.byName.get(field)!);
        if (key === null || key === undefined) return undefined;
        const target = entity.references.get(field)!;
        return lookups.get(target)?.byKey.get(key) ?? (related(target) ?? []).find((r) => r[compiled.get(target)!.key] === key);
      },
      ages: entity.ages,
      asOf,
      path,
      rootIndex,
      position,
    };
    function valueOf(f: CompiledField): unknown {
      if (values.has(f.name)) return values.get(f.name);
      let value: unknown;
      // Whether the value is null draws from a stream of its own: a null rate never shifts the values.
      if (f.nullRate > 0 && streamOf(recordSeed, f.nullSalt).next() < f.nullRate) value = null;
      else if (f.outliers && streamOf(recordSeed, f.outliers.salt).next() < f.outliers.rate) value = f.outliers.make(streamOf(recordSeed, f.outliers.valueSalt), asOf);
      else {
        const outer = ctx.random;
        ctx.random = streamOf(recordSeed, f.salt);
        if (f.copula >= 0) ctx.random = leadingWith((uniforms ??= drawCopula(streamOf(recordSeed, COPULA_SALT), entity.copula!))[f.copula]!, ctx.random);
        value = f.make(ctx);
        ctx.random = outer;
      }
      values.set(f.name, value);
      return value;
    }
    const record: Record<string, unknown> = {};
    const key = entity.fields.find((f) => f.name === entity.key)!;
    record[entity.key] = valueOf(key);
    if (entity.parentField) record[entity.parentField] = parentKey;
    for (const f of entity.fields) if (f.name !== entity.key) record[f.name] = entity.late.has(f.name) ? null : valueOf(f);
    const finish = (made: ReadonlyMap<string, Array<Record<string, unknown>>>) => {
      children = made;
      for (const f of entity.fields) if (entity.late.has(f.name)) record[f.name] = valueOf(f);
    };
    return { record, finish };
  }

  /**
   * The values a record repeats when it is a duplicate: a root those of one of the 100 roots before it,
   * a child those of its previous sibling, made again from their seeds (any shard can), as originals.
   */
  function duplicateOf(entity: CompiledEntity, recordSeed: Seed128, path: string, position: number, parentKey: unknown, siblingSeed: (k: number) => Seed128, related: Related): Record<string, unknown> | undefined {
    if (!entity.duplicates) return undefined;
    // The root and the lookup tables repeat one of the 100 records before; a child its previous sibling.
    const top = entity.parentField === null;
    const index = top ? Number(path) : position;
    if (index === 0) return undefined;
    const r = streamOf(recordSeed, DUPLICATE_SALT);
    if (r.next() >= entity.duplicates.rate) return undefined;
    const source = top ? index - 1 - Math.floor(r.next() * Math.min(index, 100)) : index - 1;
    const sourcePath = top ? String(source) : `${path.slice(0, path.lastIndexOf("."))}.${source}`;
    return makeRecord(entity, siblingSeed(source), sourcePath, top ? source : Number(path.split(".")[0]), top ? 0 : source, parentKey, undefined, related).record;
  }

  // Each lookup table in the recipe's order (a lookup names only an earlier one), row i from its own seed.
  for (const name of recipe.order.filter((n) => recipe.lookups.has(n))) {
    const entity = compiled.get(name)!;
    const seedOf = (i: number) => lookupSeed(seed, doc.name, name, i);
    const records: Array<Record<string, unknown>> = [];
    for (let i = 0; i < doc.entities[name]!.lookup!.rows; i++) {
      const { record, finish } = makeRecord(entity, seedOf(i), String(i), i, 0, null, duplicateOf(entity, seedOf(i), String(i), 0, null, seedOf, LOOKUPS), LOOKUPS);
      if (entity.late.size) finish(new Map());
      records.push(record);
    }
    lookups.set(name, { records, keys: records.map((r) => r[entity.key]), byKey: new Map(records.map((r) => [r[entity.key], r])) });
  }

  return {
    lookupKeys: (entity) => lookups.get(entity)?.keys ?? [],
    *range(start: number, end: number): Iterable<GeneratedRoot> {
      for (let index = start; index < end; index++) {
        const records: Record<string, Array<Record<string, unknown>>> = Object.fromEntries(recipe.order.map((n) => [n, []]));
        const visit = (entity: CompiledEntity, recordSeed: Seed128, path: string, position: number, parentKey: unknown, siblingSeed: (k: number) => Seed128, related: Related): Record<string, unknown> => {
          const { record, finish } = makeRecord(entity, recordSeed, path, index, position, parentKey, duplicateOf(entity, recordSeed, path, position, parentKey, siblingSeed, related), related);
          records[entity.name]!.push(record);
          const made = new Map<string, Array<Record<string, unknown>>>();
          // Under this record, an entity that hangs from it is this record's children of it (made so far); any other, as above.
          const below: Related = (name) => (doc.entities[name]!.parent?.entity === entity.name ? made.get(name) : related(name));
          for (const child of entity.children) {
            const n = child.count(recordSeed);
            const c = compiled.get(child.entity)!;
            const list: Array<Record<string, unknown>> = [];
            const seedOf = (k: number) => deriveSeed(recordSeed, child.salt, k);
            for (let k = 0; k < n; k++) list.push(visit(c, seedOf(k), `${path}.${k}`, k, record[entity.key], seedOf, below));
            made.set(child.entity, list);
          }
          if (entity.late.size) finish(made);
          return record;
        };
        visit(root, rootSeed(seed, doc.name, index), String(index), 0, null, (j) => rootSeed(seed, doc.name, j), LOOKUPS);
        // The lookup tables are written once, with the first root record (so in the first shard, at any shard count).
        if (index === 0) for (const [name, table] of lookups) records[name] = [...table.records];
        yield { index, records };
      }
    },
  };
}
