import { mix32 } from "@sdh/rules";
import { basename } from "node:path";
import { compileRecipe, type LearnedSummary } from "@sdh/recipes";
import { parseSnapshotConfig } from "@sdh/schemas";
import { fidelityOf, type ComparedColumn, type Fidelity, type Role, type Value } from "./fidelity.js";
import { LearnError, learnFromTables, type LearnedRecipe, type LearnSettings } from "./learn-recipe.js";
import { privacyOf, type Privacy, type PrivacyColumn } from "./privacy.js";
import type { Cell, SampleTable } from "./sample-file.js";
import { roundTo } from "./statistics.js";

// The report of a learn: the sample's root rows are split 80/20 (children follow their parent; a
// lookup table stays whole in both, since both halves name its rows), a recipe is learned from the
// 80 alone, as many records are generated as the 80 has, and they are compared with it (fidelity)
// and, beside the 20 it never saw, for closeness (privacy). The recipe learn writes is learned from
// the whole sample by the same code.

export const HOLDOUT_SHARE = 0.2;

export interface LearnReport {
  method: string;
  score: number;
  entities: Array<{ entity: string; file: string; rows: { training: number; holdout: number; generated: number }; fidelity: Fidelity; privacy: Privacy | null }>;
}

const NUMERICAL = new Set(["integer", "decimal", "money", "percentage", "date", "timestamp", "year"]);
const CATEGORICAL = new Set(["category", "boolean"]);
const dayOf = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v) / 86_400_000 : null);

/** Rows of a table kept by a test on each row's index. */
function rowsOf(table: SampleTable, keep: (i: number) => boolean): SampleTable {
  const index = Array.from({ length: table.rows }, (_, i) => i).filter(keep);
  return { ...table, rows: index.length, columns: table.columns.map((c) => ({ ...c, values: index.map((i) => c.values[i]!) })) };
}

/** The sample split in two: root rows by a hash of their index, every other row with its parent. */
function split(tables: readonly SampleTable[], learned: LearnedRecipe, holdout: boolean): SampleTable[] {
  const out = [...tables];
  const keptKeys = new Map<string, Set<string>>();
  for (const entity of learned.recipe.order) {
    const source = learned.sources.get(entity)!;
    const table = tables[source.table]!;
    const e = learned.recipe.document.entities[entity]!;
    let keep: (i: number) => boolean;
    // A lookup table is not split: both halves name its rows (each is compared with it whole).
    if (e.lookup) keep = () => true;
    else if (!e.parent) keep = (i) => mix32(i ^ 0x5eed) / 4294967296 < HOLDOUT_SHARE === holdout;
    else {
      const parentKeys = keptKeys.get(e.parent.entity)!;
      const column = table.columns.find((c) => c.name === source.parentColumn)!;
      keep = (i) => parentKeys.has(String(column.values[i]));
    }
    const part = rowsOf(table, keep);
    out[source.table] = part;
    const keyColumn = source.columns.get(e.key);
    if (keyColumn) keptKeys.set(entity, new Set(part.columns.find((c) => c.name === keyColumn)!.values.map(String)));
  }
  return out;
}

export function learnReport(tables: readonly SampleTable[], settings: LearnSettings, full: LearnedRecipe): LearnReport {
  const training = split(tables, full, false);
  const holdout = split(tables, full, true);
  const thin = training.find((t) => t.rows < 2);
  if (thin) throw new LearnError(`the sample is too small for the report's ${100 - HOLDOUT_SHARE * 100}/${HOLDOUT_SHARE * 100} split: ${basename(thin.file)} keeps ${thin.rows} row${thin.rows === 1 ? "" : "s"} for training; give a larger sample, or --no-report to learn without the report`);
  const learned = learnFromTables(training, settings);
  const pack = compileRecipe(learned.recipe);
  const roots = learned.recipe.document.records!;
  const generated: Record<string, Array<Record<string, unknown>>> = {};
  for (const root of pack.generate(parseSnapshotConfig({ records: roots, seed: 1, asOf: "2026-01-05" })).range(0, roots)) {
    for (const [entity, records] of Object.entries(root.records)) (generated[entity] ??= []).push(...records);
  }
  const entities = learned.recipe.order.map((entity) => {
    const source = learned.sources.get(entity)!;
    const [train, held] = [training[source.table]!, holdout[source.table]!];
    const synthetic = generated[entity] ?? [];
    const columns: PrivacyColumn[] = [];
    for (const f of learned.recipe.fields.get(entity)!) {
      const sampleColumn = source.columns.get(f.name);
      const role: Role | null = NUMERICAL.has(f.type.name) ? "numerical" : CATEGORICAL.has(f.type.name) ? "categorical" : null;
      if (!sampleColumn || !role || f.name === learned.recipe.document.entities[entity]!.key) continue;
      const convert = (v: unknown): Value => (v === null || v === undefined ? null : f.type.name === "date" || f.type.name === "timestamp" ? dayOf(v) : (v as Value));
      const valuesOf = (t: SampleTable) => t.columns.find((c) => c.name === sampleColumn)!.values.map((v: Cell) => convert(v));
      columns.push({ name: f.name, role, real: valuesOf(train), holdout: valuesOf(held), synthetic: synthetic.map((r) => convert(r[f.name])) });
    }
    const fidelity = fidelityOf(columns as ComparedColumn[]);
    return { entity, file: source.file, rows: { training: train.rows, holdout: held.rows, generated: synthetic.length }, fidelity, privacy: columns.length ? privacyOf(columns) : null };
  });
  return {
    method: `the sample's root rows split ${100 - HOLDOUT_SHARE * 100}/${HOLDOUT_SHARE * 100} (children with their parent); a recipe learned from the ${100 - HOLDOUT_SHARE * 100} alone generates as many records, seed 1; fidelity against the ${100 - HOLDOUT_SHARE * 100}, closeness beside the ${HOLDOUT_SHARE * 100}${full.recipe.lookups.size ? "; lookup tables whole in both" : ""}`,
    score: roundTo(entities.reduce((s, e) => s + e.fidelity.score, 0) / entities.length, 4),
    entities,
  };
}

/** The report as a recipe keeps it (`learned:`): per entity its fidelity and closeness. */
export function learnedSummary(report: LearnReport, k: number): LearnedSummary {
  return {
    from: report.entities.map((e) => basename(e.file)),
    k,
    method: report.method,
    score: report.score,
    entities: Object.fromEntries(
      report.entities.map((e) => [
        e.entity,
        {
          rows: e.rows.training + e.rows.holdout,
          score: e.fidelity.score,
          shapes: e.fidelity.shapes,
          trends: e.fidelity.trends,
          ...(e.privacy ? { identical: e.privacy.identical, holdoutIdentical: e.privacy.holdoutIdentical, closest: e.privacy.closest, holdoutClosest: e.privacy.holdoutClosest } : {}),
        },
      ]),
    ),
  };
}
