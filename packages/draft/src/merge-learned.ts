import type { LearnedRecipe } from "@sdh/learn";
import { parseRecipe, type Recipe } from "@sdh/recipes";
import { parse as parseYaml, stringify as toYaml } from "yaml";

/**
 * A drafted recipe with what a sample taught, merged on this machine: each field of the draft whose
 * entity and field names match a learned one takes the learned settings (measured on the sample,
 * where the model's are guesses). A replacement the recipe checks refuse (a key, a parent's field,
 * a field another one depends on) is left as drafted. Nothing of this leaves the machine.
 */
export function mergeLearned(draftText: string, learned: LearnedRecipe): { text: string; recipe: Recipe; merged: string[] } {
  const doc = parseYaml(draftText) as { entities: Record<string, { key: string; fields: Record<string, unknown> }> };
  const learnedDoc = learned.recipe.document;
  const merged: string[] = [];
  let current = { text: draftText, recipe: parseRecipe(draftText, "draft") };
  for (const [entityName, learnedEntity] of Object.entries(learnedDoc.entities)) {
    const entity = doc.entities[entityName];
    if (!entity) continue;
    for (const [field, spec] of Object.entries(learnedEntity.fields)) {
      if (!(field in entity.fields) || field === entity.key || field === learnedEntity.key) continue;
      const before = entity.fields[field];
      entity.fields[field] = spec;
      const text = toYaml(doc, { lineWidth: 0 });
      try {
        current = { text, recipe: parseRecipe(text, "draft") };
        merged.push(`${entityName}.${field}`);
      } catch {
        entity.fields[field] = before;
      }
    }
  }
  return { ...current, merged };
}
