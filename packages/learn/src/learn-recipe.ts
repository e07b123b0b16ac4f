import { basename } from "node:path";
import { choleskyOf, parseRecipe, RECIPE_LIMITS, type LearnedSummary, type Recipe } from "@sdh/recipes";
import { categoryScores, inferField, type LearnOptions } from "./infer-field.js";
import { inferRelations, type Relations, type TableColumns } from "./infer-relations.js";
import { treeReferences } from "./infer-tree-references.js";
import { recipeYaml, type Notes } from "./recipe-yaml.js";
import type { Cell, SampleTable } from "./sample-file.js";
import { pearson, roundTo } from "./statistics.js";

// sdh learn: sample tables in, a recipe out. Names become snake_case, each column a field (infer-field),
// the tables a tree (infer-relations), the numeric, date, flag and category fields of each entity a
// Gaussian copula (their normal scores' correlations). The recipe is written as commented YAML and
// read back through the recipe parser, so what learn writes is what generate accepts.

export interface LearnSettings extends LearnOptions {
  /** The recipe's name; default learned-<root entity>. */
  name?: string | undefined;
}

export interface LearnedRecipe {
  /** The recipe's YAML text, with comments. */
  text: string;
  /** The text again with what the report measured kept in it (`learned:`), checked by the parser. */
  withSummary(summary: LearnedSummary): string;
  recipe: Recipe;
  /**
   * Per entity: its sample table (its index in the input), the sample column of each field that came
   * from one, and the column that holds the parent's key (null for the root).
   */
  sources: Map<string, { table: number; file: string; rows: number; columns: Map<string, string>; parentColumn: string | null }>;
}

/** A learn that cannot make a recipe from these samples, with why and what to do. */
export class LearnError extends Error {
  override name = "LearnError";
}

/** snake_case, as the recipe language names things; distinct within `taken`. */
export function snakeName(raw: string, taken: Set<string>, fallback: string): string {
  let name = raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 56);
  if (!/^[a-z]/.test(name)) name = `${fallback}_${name}`.replace(/_+$/, "");
  let unique = name;
  for (let i = 2; taken.has(unique); i++) unique = `${name}_${i}`;
  taken.add(unique);
  return unique;
}

export function learnFromTables(tables: readonly SampleTable[], settings: LearnSettings): LearnedRecipe {
  const entityNames = new Set<string>();
  const named: TableColumns[] = tables.map((t) => {
    const fields = new Set<string>();
    return { entity: snakeName(t.stem, entityNames, "table"), rows: t.rows, columns: t.columns.map((column) => ({ field: snakeName(column.name, fields, "field"), column })) };
  });
  const relations = inferRelations(named);
  const lookups = lookupTables(named, relations);
  const roots = named.filter((t) => !relations.parents.has(t.entity) && !lookups.has(t.entity));
  if (roots.length !== 1) {
    throw new LearnError(`the samples make ${roots.length} separate tables with no reference between them (${roots.map((t) => t.entity).join(", ")}); a recipe has one root: learn each on its own, or add the table that refers to both (a table the others name, with none under it, becomes a lookup table of at most ${LOOKUP_ROWS.toLocaleString("en-US")} rows in all)`);
  }
  if (named.length > RECIPE_LIMITS.entities) throw new LearnError(`${named.length} tables; a recipe has at most ${RECIPE_LIMITS.entities}`);

  const notes: Notes = { header: [], fields: new Map(), entities: new Map() };
  const entities: Record<string, unknown> = {};
  const sources: LearnedRecipe["sources"] = new Map();
  // References the tree can keep; the tables they name go first among their siblings, so they are made first.
  const kept = treeReferences(named, relations);
  const namedFirst = new Set(kept.map((r) => r.to));
  const tree = [roots[0]!, ...named.filter((t) => t !== roots[0] && !lookups.has(t.entity))].sort((a, b) => depthOf(a.entity) - depthOf(b.entity) || Number(namedFirst.has(b.entity)) - Number(namedFirst.has(a.entity)));
  // Lookup tables come after the tree, as the recipe language lists them.
  const order = [...tree, ...named.filter((t) => lookups.has(t.entity))];
  const placeOf = (entity: string) => order.findIndex((t) => t.entity === entity);
  /** A reference to a lookup table is kept from any table of the tree, and from a lookup table listed after the one it names. */
  const lookupReference = (r: { entity: string; to: string }) => lookups.has(r.to) && r.entity !== r.to && (!lookups.has(r.entity) || placeOf(r.to) < placeOf(r.entity));
  const treeReference = (entity: string, field: string) => kept.find((r) => r.entity === entity && r.field === field && order.findIndex((t) => t.entity === r.to) < order.findIndex((t) => t.entity === branchOf(entity, r.to)));
  /** The ancestor of `entity` (or itself) that is a sibling of `target`. */
  function branchOf(entity: string, target: string): string {
    const owner = relations.parents.get(target)?.entity;
    let at = entity;
    while (relations.parents.get(at)?.entity !== owner) at = relations.parents.get(at)!.entity;
    return at;
  }
  function depthOf(entity: string): number {
    let depth = 0;
    for (let at = relations.parents.get(entity); at; at = relations.parents.get(at.entity)) depth++;
    return depth;
  }

  for (const t of order) {
    const table = tables[named.indexOf(t)]!;
    const parent = relations.parents.get(t.entity);
    let key = relations.keys.get(t.entity) ?? null;
    const fields: Record<string, Record<string, unknown>> = {};
    const fieldNotes = new Map<string, string>();
    const scores: Array<{ field: string; scores: Float64Array }> = [];
    const categories: Array<{ field: string; values: readonly Cell[]; listed: Array<[Exclude<Cell, null>, number]> }> = [];
    const columns = new Map<string, string>();
    if (!key) {
      key = snakeName(`${t.entity.replace(/s$/, "")}_id`, new Set(t.columns.map((c) => c.field)), "row");
      fields[key] = { type: "sequence", width: 1 };
      fieldNotes.set(key, "added by learn: no column of the sample is unique in every row");
    }
    for (const { field, column } of t.columns) {
      if (field === parent?.field) continue; // the engine writes the parent's key
      columns.set(field, column.name);
      if (field === key) {
        fields[field] = keySpec(column.values);
        fieldNotes.set(field, `the key: unique in all ${t.rows} rows; values synthesized`);
        continue;
      }
      const within = treeReference(t.entity, field);
      if (within) {
        fields[field] = field === column.name ? { type: "reference", entity: within.to } : { type: "reference", entity: within.to, description: `sample column '${column.name.slice(0, 200)}'` };
        fieldNotes.set(field, `a key of ${within.to} under the same ${relations.parents.get(within.to)!.entity} record in every row; values synthesized`);
        continue;
      }
      const toLookup = relations.otherReferences.find((r) => r.entity === t.entity && r.field === field && lookupReference(r));
      if (toLookup) {
        fields[field] = field === column.name ? { type: "reference", entity: toLookup.to } : { type: "reference", entity: toLookup.to, description: `sample column '${column.name.slice(0, 200)}'` };
        fieldNotes.set(field, `a key of the lookup table ${toLookup.to} in every row; values synthesized`);
        continue;
      }
      const learned = inferField(field, column, settings);
      const reference = relations.otherReferences.find((r) => r.entity === t.entity && r.field === field);
      fields[field] = field === column.name ? learned.spec : { ...learned.spec, description: `sample column '${column.name.slice(0, 200)}'` };
      fieldNotes.set(field, reference ? `${learned.note}; refers to ${reference.to} too, outside this table's tree: kept as a plain field` : learned.note);
      if (learned.scores) scores.push({ field, scores: learned.scores });
      if (learned.categories) categories.push({ field, values: column.values, listed: learned.categories });
    }
    const entity: Record<string, unknown> = lookups.has(t.entity) ? { lookup: { rows: t.rows }, key } : { key };
    if (lookups.has(t.entity)) notes.entities.set(t.entity, `from ${basename(table.file)}: ${t.rows} rows (a lookup table: other tables name its rows; it keeps ${t.rows} rows whatever --records or --scale says)`);
    else if (parent) {
      entity.parent = { entity: parent.entity, field: parent.field, children: { weights: shares(parent.counts) } };
      notes.entities.set(t.entity, `from ${basename(table.file)}: ${t.rows} rows; each row of ${parent.entity} has ${describeCounts(parent.counts)} of them${parent.unmatched ? `; ${parent.unmatched} rows with no ${parent.field} get one` : ""}`);
    } else notes.entities.set(t.entity, `from ${basename(table.file)}: ${t.rows} rows (the root: --records counts them)`);
    entity.fields = fields;
    const categorical = new Set(categories.map((c) => c.field));
    const measured = scores.filter((s) => !categorical.has(s.field));
    for (const c of categories) orderForCopula(c, fields[c.field]!, measured, scores);
    const correlations = correlationsOf(scores.slice(0, RECIPE_LIMITS.correlatedFields));
    if (correlations) entity.correlations = correlations;
    entities[t.entity] = entity;
    notes.fields.set(t.entity, fieldNotes);
    sources.set(t.entity, { table: named.indexOf(t), file: table.file, rows: t.rows, columns, parentColumn: parent ? t.columns.find((c) => c.field === parent.field)!.column.name : null });
  }

  const root = order[0]!;
  const name = settings.name ?? `learned-${root.entity.replaceAll("_", "-")}`.slice(0, 40).replace(/-+$/, "");
  const document = {
    recipe: 1,
    name,
    title: `Learned from ${tables.map((t) => basename(t.file)).join(", ")}`.slice(0, 120),
    description: `Learned by sdh learn from ${tables.length} sample table${tables.length === 1 ? "" : "s"}: no sample row is carried; categories seen fewer than ${settings.k} times are left out, numbers and dates are smoothed quantiles, names, contacts, addresses, identifiers and free text are synthesized by type.`,
    records: root.rows,
    entities,
  };
  notes.header.push(
    "Learned by sdh learn. Edit freely, then: sdh generate --recipe THIS_FILE --records N (or --scale F).",
    `Privacy: no sample row is carried; a category's value appears only if ${settings.k} or more rows hold it;`,
    "numbers and dates are quantiles between the 0.5th and 99.5th percentiles (at most one per k rows);",
    "names, contacts, addresses, identifiers and free text are synthesized by their semantic type.",
  );
  const dropped = relations.otherReferences.filter((r) => !treeReference(r.entity, r.field) && !lookupReference(r));
  if (dropped.length) notes.header.push(`Not kept (a recipe's references stay within its tree): ${dropped.map((r) => `${r.entity}.${r.field} → ${r.to}`).join(", ")}.`);
  const text = recipeYaml(document, notes);
  const withSummary = (summary: LearnedSummary) => {
    const { entities: all, ...head } = document;
    const summarized = recipeYaml({ ...head, learned: summary, entities: all }, notes);
    parseRecipe(summarized, `${name}.yaml`);
    return summarized;
  };
  return { text, recipe: parseRecipe(text, `${name}.yaml`), sources, withSummary };
}

/** Lookup rows a sample may carry in all, as the recipe language bounds them. */
const LOOKUP_ROWS = RECIPE_LIMITS.lookupRows;

/**
 * The tables that become lookup tables: a table with no parent that other tables name by a reference
 * that is not their parent (order_lines.product_id → products), with no table under it. Such a table
 * is not a second root: every record may name one of its rows. Smallest first, within the bound on
 * lookup rows.
 */
export function lookupTables(tables: readonly TableColumns[], relations: Relations): Set<string> {
  const named = new Set(relations.otherReferences.filter((r) => r.to !== r.entity).map((r) => r.to));
  const hasChildren = new Set([...relations.parents.values()].map((p) => p.entity));
  const candidates = tables.filter((t) => !relations.parents.has(t.entity) && named.has(t.entity) && !hasChildren.has(t.entity) && relations.keys.get(t.entity)).sort((a, b) => a.rows - b.rows);
  const lookups = new Set<string>();
  let rows = 0;
  for (const t of candidates) {
    if (rows + t.rows > LOOKUP_ROWS) break;
    rows += t.rows;
    lookups.add(t.entity);
  }
  // Every table a lookup: the largest is the root instead.
  if (lookups.size === tables.length) lookups.delete(candidates.at(-1)!.entity);
  return lookups;
}

/** A key's type: uuid when the sample's keys are UUIDs, else a sequence with the sample's prefix and width. */
function keySpec(values: readonly unknown[]): Record<string, unknown> {
  const text = values.map(String);
  if (text.every((v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))) return { type: "uuid" };
  const parts = text.map((v) => /^([A-Za-z_-]{0,20})(\d{1,15})$/.exec(v));
  if (parts.every(Boolean)) {
    const prefixes = new Set(parts.map((p) => p![1]));
    const widths = new Set(parts.map((p) => p![2]!.length));
    const prefix = prefixes.size === 1 ? [...prefixes][0]! : "";
    return { type: "sequence", ...(prefix ? { prefix } : {}), width: widths.size === 1 && parts[0]![2]!.startsWith("0") ? [...widths][0] : 1 };
  }
  return { type: "sequence", width: 1 };
}

/** Shares of children counts, to six decimals, keeping every count seen. */
function shares(counts: Record<string, number>): Record<string, number> {
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, Math.max(roundTo(n / total, 6), 0.000001)]));
}

function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).map(([k, n]) => [Number(k), n] as const);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  const mean = entries.reduce((s, [k, n]) => s + k * n, 0) / total;
  return `${roundTo(mean, 2)} on average (${Math.min(...entries.map(([k]) => k))} to ${Math.max(...entries.map(([k]) => k))})`;
}

/**
 * A category's values relisted in the order of their mean score in the number or date they tell
 * most about (the largest share of its variance between categories): the copula carries only
 * monotone relations, and this order makes the category's relation to that field as monotone as it
 * can be (symbol → price, species → petal length). The field's shares are unchanged.
 */
function orderForCopula(c: { field: string; values: readonly Cell[]; listed: Array<[Exclude<Cell, null>, number]> }, spec: Record<string, unknown>, numeric: ReadonlyArray<{ field: string; scores: Float64Array }>, scores: Array<{ field: string; scores: Float64Array }>): void {
  let best: { explained: number; means: Map<unknown, number> } | null = null;
  for (const n of numeric) {
    const sums = new Map<unknown, [number, number]>();
    c.values.forEach((v, i) => {
      if (v === null) return;
      const s = sums.get(v) ?? [0, 0];
      s[0] += n.scores[i]!;
      s[1]++;
      sums.set(v, s);
    });
    const means = new Map([...sums].map(([v, [sum, count]]) => [v, sum / count]));
    const explained = [...sums].reduce((t, [v, [, count]]) => t + count * means.get(v)! ** 2, 0);
    if (!best || explained > best.explained) best = { explained, means };
  }
  if (!best) return;
  const means = best.means;
  c.listed.sort((a, b) => (means.get(a[0]) ?? 0) - (means.get(b[0]) ?? 0));
  const total = c.listed.reduce((s, [, n]) => s + n, 0);
  spec.values = c.listed.map(([v]) => v);
  spec.weights = c.listed.map(([, n]) => roundTo(n / total, 4));
  scores.find((s) => s.field === c.field)!.scores = categoryScores(c.values, c.listed);
}

/** The correlations of the fields' normal scores, or null when there are fewer than two or none matters. */
function correlationsOf(scores: ReadonlyArray<{ field: string; scores: Float64Array }>): { fields: string[]; matrix: number[][] } | null {
  if (scores.length < 2) return null;
  const matrix = scores.map((a, i) => scores.map((b, j) => (i === j ? 1 : roundTo(pearson(a.scores, b.scores), 3))));
  if (!matrix.some((row, i) => row.some((r, j) => i !== j && Math.abs(r) >= 0.05))) return null;
  if (!choleskyOf(matrix)) return null; // cannot happen for a matrix of real scores, but a recipe must parse
  return { fields: scores.map((s) => s.field), matrix };
}
