import { compileRecipe } from "@sdh/recipes";
import { parseSnapshotConfig } from "@sdh/schemas";
import type { LearnedRecipe } from "./learn-recipe.js";
import type { Cell, SampleTable } from "./sample-file.js";

// Augment: the sample's rows, then synthetic ones from the learned recipe, table by table, with the
// sample's columns in the sample's order. Keys continue the sample's (1001 after 1000, ORD-0000451
// after ORD-0000450), so no synthetic key meets a sample key, and each synthetic child refers to its
// synthetic parent by that parent's continued key. A lookup table (a product list) gains no rows: its
// synthetic row i stands for the sample's row i, so synthetic records name the sample's own rows.

export interface AugmentedTable {
  table: SampleTable;
  /** The sample's rows, then the synthetic ones; one cell per sample column. */
  rows: Cell[][];
  synthetic: number;
}

/** New keys after the sample's: numbers count on, prefixed numbers count on in their width, other keys stay as made (never one the sample has). */
function keyContinuation(sample: readonly Cell[]): (made: unknown, i: number) => Cell {
  const taken = new Set(sample.map(String));
  if (sample.every((v) => typeof v === "number" && Number.isInteger(v))) {
    const max = sample.reduce<number>((m, v) => Math.max(m, v as number), 0);
    return (_made, i) => max + 1 + i;
  }
  const parts = sample.map((v) => /^(\D*)(\d+)$/.exec(String(v)));
  const prefixes = new Set(parts.map((p) => p?.[1]));
  if (parts.every(Boolean) && prefixes.size === 1) {
    const prefix = parts[0]![1]!;
    const widths = new Set(parts.map((p) => p![2]!.length));
    const width = widths.size === 1 ? [...widths][0]! : 0;
    const max = parts.reduce((m, p) => Math.max(m, Number(p![2])), 0);
    return (_made, i) => `${prefix}${String(max + 1 + i).padStart(width, "0")}`;
  }
  return (made) => {
    let key = String(made);
    for (let n = 2; taken.has(key); n++) key = `${String(made)}-${n}`;
    taken.add(key);
    return key;
  };
}

export function augmentTables(tables: readonly SampleTable[], learned: LearnedRecipe, { records, seed }: { records: number; seed: number }): AugmentedTable[] {
  const { recipe } = learned;
  const generated: Record<string, Array<Record<string, unknown>>> = {};
  for (const root of compileRecipe(recipe).generate(parseSnapshotConfig({ records, seed, asOf: "2026-01-05" })).range(0, records)) {
    for (const [entity, list] of Object.entries(root.records)) (generated[entity] ??= []).push(...list);
  }
  const newKeys = new Map<string, Map<unknown, Cell>>();
  // First the lookup tables, which any table may name: each generated row's key stands for the sample row's at its place.
  for (const entity of recipe.lookups) {
    const source = learned.sources.get(entity)!;
    const sampleKeys = tables[source.table]!.columns.find((c) => c.name === source.columns.get(recipe.document.entities[entity]!.key))!.values;
    newKeys.set(entity, new Map((generated[entity] ?? []).map((r, i) => [r[recipe.document.entities[entity]!.key], sampleKeys[i % sampleKeys.length]!] as const)));
  }
  const out: AugmentedTable[] = [];
  for (const entity of recipe.order) {
    if (recipe.lookups.has(entity)) {
      const table = tables[learned.sources.get(entity)!.table]!;
      out.push({ table, rows: Array.from({ length: table.rows }, (_, i) => table.columns.map((c) => c.values[i]!)), synthetic: 0 });
      continue;
    }
    const source = learned.sources.get(entity)!;
    const table = tables[source.table]!;
    const e = recipe.document.entities[entity]!;
    const made = generated[entity] ?? [];
    const keyColumn = source.columns.get(e.key);
    const fieldOf = new Map([...source.columns].map(([field, column]) => [column, field]));
    const continueKey = keyColumn ? keyContinuation(table.columns.find((c) => c.name === keyColumn)!.values) : null;
    const keys = new Map<unknown, Cell>();
    made.forEach((r, i) => keys.set(r[e.key], continueKey ? continueKey(r[e.key], i) : null));
    newKeys.set(entity, keys);
    const parentKeys = e.parent ? newKeys.get(e.parent.entity)! : null;
    const rows: Cell[][] = Array.from({ length: table.rows }, (_, i) => table.columns.map((c) => c.values[i]!));
    for (const r of made) {
      rows.push(
        table.columns.map((c) => {
          if (c.name === keyColumn) return keys.get(r[e.key])!;
          if (c.name === source.parentColumn) return parentKeys!.get(r[e.parent!.field])!;
          const field = fieldOf.get(c.name);
          if (field === undefined) return null;
          // A reference names a synthetic record of its table: by that record's continued key.
          const spec = e.fields[field] as { type: string; entity?: string };
          if (spec.type === "reference" && r[field] !== null) return newKeys.get(spec.entity!)!.get(r[field]) ?? null;
          return (r[field] ?? null) as Cell;
        }),
      );
    }
    out.push({ table, rows, synthetic: made.length });
  }
  return out;
}
