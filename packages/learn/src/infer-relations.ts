import type { Cell, SampleColumn } from "./sample-file.js";

// How the sample's tables hang together: each table's key (a column unique and never null), and
// each table's parent (a column whose every value is a key of another table: an inclusion
// dependency, as flights.carrier → airlines.carrier), with how many children each parent row has.
// A recipe is a tree: one root, one parent per entity. A second reference is kept as a plain field.

export interface TableColumns {
  entity: string;
  rows: number;
  /** Columns by field name (already snake_case). */
  columns: ReadonlyArray<{ field: string; column: SampleColumn }>;
}

export interface Relations {
  /** The key column's field name per entity, or null when no column is unique in every row. */
  keys: Map<string, string | null>;
  /** Each child entity's parent, the child's column that holds the parent's key, and children per parent row. */
  parents: Map<string, { entity: string; field: string; counts: Record<string, number>; unmatched: number }>;
  /** References that are not the parent (a recipe keeps one parent per entity). */
  otherReferences: Array<{ entity: string; field: string; to: string }>;
}

/** Children per parent row above this are counted as this many (the recipe language's bound). */
const MAX_CHILDREN = 10_000;

const singular = (name: string) => name.replace(/ies$/, "y").replace(/(s|x|z|ch|sh)es$/, "$1").replace(/s$/, "");
const keyish = (field: string) => /(^id$|_id$|id$|_key$|_code$|^code$|_no$|_number$)/.test(field);

function isKeyColumn(column: SampleColumn, rows: number): boolean {
  if (column.kind !== "number" && column.kind !== "text") return false;
  const seen = new Set<Cell>();
  for (const v of column.values) {
    if (v === null || (typeof v === "number" && !Number.isInteger(v)) || (typeof v === "string" && (v.length > 64 || /\s/.test(v)))) return false;
    seen.add(v);
  }
  return seen.size === rows;
}

function keyOf(t: TableColumns): string | null {
  const candidates = t.columns.filter((c) => isKeyColumn(c.column, t.rows)).map((c) => c.field);
  const named = [`${t.entity}_id`, `${singular(t.entity)}_id`, "id"];
  // A table's first column, when unique, is its key by the commonest convention (airports.iata).
  const first = t.columns[0]?.field;
  return candidates.find((f) => named.includes(f)) ?? candidates.find(keyish) ?? (first && candidates.includes(first) ? first : null);
}

export function inferRelations(tables: readonly TableColumns[]): Relations {
  const keys = new Map(tables.map((t) => [t.entity, keyOf(t)]));
  const keyValues = new Map(
    tables.flatMap((t) => {
      const key = keys.get(t.entity);
      const column = key ? t.columns.find((c) => c.field === key)!.column : null;
      return column ? [[t.entity, new Set(column.values.map(String))] as const] : [];
    }),
  );
  const parents: Relations["parents"] = new Map();
  const otherReferences: Relations["otherReferences"] = [];
  const ancestors = (entity: string): string[] => {
    const chain: string[] = [];
    for (let at = parents.get(entity)?.entity; at && !chain.includes(at); at = parents.get(at)?.entity) chain.push(at);
    return chain;
  };
  for (const t of tables) {
    const found: Array<{ field: string; to: string; score: number }> = [];
    for (const { field, column } of t.columns) {
      if (field === keys.get(t.entity)) continue;
      const present = column.values.filter((v) => v !== null).map(String);
      if (present.length === 0) continue;
      for (const [to, values] of keyValues) {
        if (to === t.entity || !present.every((v) => values.has(v))) continue;
        const key = keys.get(to)!;
        // Small whole numbers fall inside any numeric key: a number refers only when its name says so.
        if (column.kind === "number" && !(field === key || keyish(field))) continue;
        found.push({ field, to, score: field === key || field === `${to}_id` || field === `${singular(to)}_id` ? 2 : keyish(field) ? 1 : 0 });
      }
    }
    found.sort((a, b) => b.score - a.score);
    // The best reference that does not make the parents a cycle is the parent.
    const parent = found.find((f) => f.to !== t.entity && !ancestors(f.to).includes(t.entity));
    if (parent) {
      const column = t.columns.find((c) => c.field === parent.field)!.column;
      const perParent = new Map<string, number>([...keyValues.get(parent.to)!].map((k) => [k, 0]));
      let unmatched = 0;
      for (const v of column.values) {
        if (v === null) unmatched++;
        else perParent.set(String(v), perParent.get(String(v))! + 1);
      }
      const counts: Record<string, number> = {};
      for (const n of perParent.values()) {
        const k = String(Math.min(n, MAX_CHILDREN));
        counts[k] = (counts[k] ?? 0) + 1;
      }
      parents.set(t.entity, { entity: parent.to, field: parent.field, counts, unmatched });
    }
    for (const f of found) if (f !== parent && f.field !== parent?.field) otherReferences.push({ entity: t.entity, field: f.field, to: f.to });
  }
  return { keys, parents, otherReferences };
}
