// Recipes (issue 34): a domain as data. parseRecipe reads and checks one (YAML or JSON); compileRecipe
// turns it into a pack the engine runs; the catalogue lists the semantic types a field may have.
export { RecipeDocument, LearnedSummary, RECIPE_LIMITS, type EntityDocument, type FieldSpec, type CountDistribution } from "./recipe-document.js";
export { parseRecipe, RecipeError, type Recipe, type RecipeProblem } from "./parse-recipe.js";
export { compileRecipe, RECIPE_ENGINE, uniqueRuleOf } from "./compile-recipe.js";
export { SEMANTIC_TYPES, SEMANTIC_TYPE_BY_NAME, KEY_TYPES } from "./types/catalogue.js";
export type { SemanticType, TypeGroup, FieldContext } from "./types/semantic-type.js";
export { compilePattern, PatternError, PATTERN_LIMITS } from "./safe-pattern.js";
export { recipeReference, recipeJsonSchema } from "./recipe-reference.js";
export { choleskyOf, normalCdf } from "./copula.js";
export { drawNumber, NumberDistribution } from "./distributions.js";
