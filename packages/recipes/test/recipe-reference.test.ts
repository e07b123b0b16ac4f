import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseRecipe, recipeJsonSchema, recipeReference, SEMANTIC_TYPES } from "../src/index.js";

// docs/recipes.md and the recipe JSON Schema are written from the code; `pnpm docs:recipes`
// (SDH_UPDATE_GOLDEN=1) rewrites them, and these tests fail when they fall behind.
const docs = fileURLToPath(new URL("../../../docs/recipes.md", import.meta.url));
const schemaFile = fileURLToPath(new URL("../recipe.schema.json", import.meta.url));
const update = process.env.SDH_UPDATE_GOLDEN === "1";

describe("the recipe reference and JSON Schema", () => {
  it("docs/recipes.md lists every semantic type with its example, as the code has them", () => {
    const text = recipeReference();
    if (update) writeFileSync(docs, text);
    for (const t of SEMANTIC_TYPES) expect(text).toContain(`| \`${t.name}\` |`);
    expect(readFileSync(docs, "utf8"), "run `pnpm docs:recipes`").toBe(text);
  });

  it("recipe.schema.json is the document's JSON Schema, one field form per type", () => {
    const schema = `${JSON.stringify(recipeJsonSchema(), null, 2)}\n`;
    if (update) writeFileSync(schemaFile, schema);
    expect(readFileSync(schemaFile, "utf8"), "run `pnpm docs:recipes`").toBe(schema);
    const fieldForms = JSON.stringify(recipeJsonSchema()).match(/"const":"[a-z0-9_]+"/g) ?? [];
    for (const t of SEMANTIC_TYPES) expect(fieldForms).toContain(`"const":"${t.name}"`);
    // The reference's own example document is a valid recipe.
    const example = /```yaml\n([^]*?)```/.exec(recipeReference())![1]!;
    expect(() => parseRecipe(example.replace(/ +#.*$/gm, "").replace("description: …", "description: Example"))).not.toThrow();
  });
});
