import type { DistributionCheck } from "@sdh/schemas";
import { shareCheck, type QualityTally } from "@sdh/validation";
import type { Recipe } from "./parse-recipe.js";

// The quality report's distribution checks of a recipe: every share the recipe states outright (a
// category's weights without `when`, a boolean's rate) beside the share the snapshot holds.

/** Categories with more values than this are not checked one share at a time (the report stays readable). */
const MAX_CHECKED_VALUES = 12;

interface Stated {
  entity: string;
  field: string;
  /** value (as text) → share the recipe asks for */
  shares: Record<string, number>;
}

function statedShares(recipe: Recipe): Stated[] {
  const stated: Stated[] = [];
  for (const [entity, fields] of recipe.fields) {
    for (const f of fields) {
      const p = f.params as { values?: unknown; weights?: number[]; when?: unknown; rate?: number; other?: { rate: number } };
      if (f.type.name === "boolean") stated.push({ entity, field: f.name, shares: { true: p.rate ?? 0.5 } });
      if (f.type.name !== "category" || p.when) continue;
      const entries: Array<[string, number]> = Array.isArray(p.values) ? p.values.map((v, k) => [String(v), p.weights?.[k] ?? 1]) : Object.entries(p.values as Record<string, number>);
      if (entries.length > MAX_CHECKED_VALUES) continue;
      // With `other`, the listed values share what its phrases leave.
      const total = entries.reduce((n, [, w]) => n + w, 0) / (1 - (p.other?.rate ?? 0));
      stated.push({ entity, field: f.name, shares: Object.fromEntries(entries.map(([v, w]) => [v, w / total])) });
    }
  }
  return stated;
}

export class RecipeTally implements QualityTally {
  private readonly stated: Stated[];
  /** Per stated field: non-null records, and records per value. */
  private counts: Array<{ seen: number; values: Record<string, number> }>;

  constructor(recipe: Recipe) {
    this.stated = statedShares(recipe);
    this.counts = this.stated.map(() => ({ seen: 0, values: {} }));
  }

  observe(entity: string, record: Readonly<Record<string, unknown>>): void {
    this.stated.forEach((s, i) => {
      if (s.entity !== entity) return;
      const value = record[s.field];
      if (value === null || value === undefined) return;
      const c = this.counts[i]!;
      c.seen++;
      const k = String(value);
      c.values[k] = (c.values[k] ?? 0) + 1;
    });
  }

  state(): unknown {
    return this.counts;
  }

  merge(state: unknown): void {
    (state as RecipeTally["counts"]).forEach((other, i) => {
      const c = this.counts[i]!;
      c.seen += other.seen;
      for (const [k, n] of Object.entries(other.values)) c.values[k] = (c.values[k] ?? 0) + n;
    });
  }

  checks(): DistributionCheck[] {
    return this.stated.flatMap((s, i) => Object.entries(s.shares).map(([value, share]) => shareCheck(`${s.entity}.${s.field}.${value}`, share, this.counts[i]!.values[value] ?? 0, this.counts[i]!.seen)));
  }
}
