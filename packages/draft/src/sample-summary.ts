import type { LearnedRecipe } from "@sdh/learn";

/**
 * What a model may learn of a sample: the learned recipe's entities, their column names, types and
 * summary statistics — the privacy-safe summaries the learner keeps (k-anonymous category shares,
 * smoothed quantiles that are never a sample's extremes, null rates), never a row and never a value of
 * a name, email, phone, address or free-text column (those are synthesized by type). The docs list
 * exactly this; a test holds every request body to it.
 */
export interface SampleSummary {
  entities: Array<{ entity: string; rows: number; parent?: string; key?: string; fields: Array<{ name: string } & Record<string, unknown>> }>;
}

/** Field settings that describe a distribution, passed on as the learner wrote them. */
const STATISTICS = ["type", "nullRate", "unique", "quantiles", "distribution", "values", "weights", "rate", "min", "max", "scale", "currency", "pattern"];

export function sampleSummary(learned: LearnedRecipe): SampleSummary {
  const doc = learned.recipe.document;
  return {
    entities: learned.recipe.order.map((name) => {
      const entity = doc.entities[name]!;
      return {
        entity: name,
        rows: learned.sources.get(name)!.rows,
        ...(entity.parent ? { parent: `${entity.parent.entity} by ${entity.parent.field}` } : {}),
        ...(entity.key ? { key: entity.key } : {}),
        fields: Object.entries(entity.fields).map(([field, spec]) => ({ name: field, ...Object.fromEntries(Object.entries(spec as Record<string, unknown>).filter(([k]) => STATISTICS.includes(k))) })),
      };
    }),
  };
}
