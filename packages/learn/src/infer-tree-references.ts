import type { Relations, TableColumns } from "./infer-relations.js";

// A reference that is not a table's parent can still be kept when the tree serves it: an order line's
// ship_to names one of its own customer's addresses. Kept when the named table hangs from an ancestor
// of the referring one and (nearly) every row names a record under its own ancestor record; the named
// table is then listed before the referring table's branch, as the recipe language asks.

/** Rows that may name a record of another ancestor (a data-entry slip) and still be kept. */
const TOLERANCE = 0.01;

export interface TreeReference {
  entity: string;
  field: string;
  to: string;
}

export function treeReferences(tables: readonly TableColumns[], relations: Relations): TreeReference[] {
  const byName = new Map(tables.map((t) => [t.entity, t]));
  const parentOf = (e: string) => relations.parents.get(e)?.entity;
  const ancestorsOf = (e: string) => {
    const chain: string[] = [];
    for (let at = parentOf(e); at && !chain.includes(at); at = parentOf(at)) chain.push(at);
    return chain;
  };
  const column = (entity: string, field: string) => byName.get(entity)!.columns.find((c) => c.field === field)!.column.values;
  /** Row index by key value, per table with a key. */
  const rowOf = new Map([...relations.keys].flatMap(([entity, key]) => (key ? [[entity, new Map(column(entity, key).map((v, i) => [String(v), i]))] as const] : [])));
  /** The key of the `ancestor` record above row `i` of `entity`, walking up the parents' columns. */
  const ancestorKey = (entity: string, i: number, ancestor: string): string | null => {
    let at = entity;
    let row = i;
    for (;;) {
      const parent = relations.parents.get(at);
      if (!parent) return null;
      const value = column(at, parent.field)[row];
      if (value === null || value === undefined) return null;
      if (parent.entity === ancestor) return String(value);
      const next = rowOf.get(parent.entity)?.get(String(value));
      if (next === undefined) return null;
      [at, row] = [parent.entity, next];
    }
  };
  const kept: TreeReference[] = [];
  for (const r of relations.otherReferences) {
    const owner = parentOf(r.to);
    if (!owner || r.to === r.entity || !ancestorsOf(r.entity).includes(owner) || ancestorsOf(r.entity).includes(r.to)) continue;
    const values = column(r.entity, r.field);
    let named = 0;
    let same = 0;
    values.forEach((v, i) => {
      if (v === null) return;
      named++;
      const target = rowOf.get(r.to)?.get(String(v));
      if (target !== undefined && ancestorKey(r.to, target, owner) === ancestorKey(r.entity, i, owner)) same++;
    });
    if (named > 0 && same / named >= 1 - TOLERANCE) kept.push({ entity: r.entity, field: r.field, to: r.to });
  }
  return kept;
}
