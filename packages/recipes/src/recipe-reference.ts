import { z } from "zod";
import { RECIPE_LIMITS, RecipeDocument } from "./recipe-document.js";
import { FUNCTIONS } from "./expression/expression-functions.js";
import { EXPRESSION_LIMITS } from "./expression/expression-parser.js";
import { OUTLIER_TYPES } from "./outliers.js";
import { KEY_TYPES, SEMANTIC_TYPES } from "./types/catalogue.js";
import { DERIVED_RESULTS } from "./types/derived.js";
import type { TypeGroup } from "./types/semantic-type.js";

// The recipe reference (docs/recipes.md) and the recipe JSON Schema (editors complete recipes with
// it), both written from the code: a test fails when either falls behind.

const GROUP_TITLES: Record<TypeGroup, string> = {
  people: "People (one person per record: name, sex, birth date and contacts agree)",
  places: "Places (one US place per record: street, city, county, state, ZIP and area code agree)",
  numbers: "Numbers, flags and categories",
  dates: "Dates and times",
  identifiers: "Keys and codes",
  business: "Business",
  text: "Text",
  internet: "Internet (reserved names and documentation addresses only)",
  finance: "Finance (numbers that fail the checks real systems run)",
  derived: "Derived (computed by an expression)",
};

/** docs/recipes.md. */
export function recipeReference(): string {
  const groups = [...new Set(SEMANTIC_TYPES.map((t) => t.group))];
  const lines = [
    "# Recipe reference",
    "",
    "<!-- Generated from packages/recipes/src (`pnpm docs:recipes`); a test fails when it falls behind the code. -->",
    "",
    "A recipe declares a dataset as data: its entities (tables), each entity's fields by semantic type,",
    "and how entities hang from one another. `sdh generate --recipe FILE` and `sdh snapshot run --recipe FILE`",
    "build it as they build a pack: sharded, byte-deterministic for a seed, through the gate, in every",
    "format, with the manifest (which lists the recipe itself, shipped as `recipe_v0_8.yaml`).",
    "",
    "## The document",
    "",
    "```yaml",
    "recipe: 1                 # the language version",
    "name: retail-orders       # lowercase letters, digits and '-'; not a shipped pack's name",
    "title: Retail customers, orders and order lines",
    "description: …            # optional",
    "records: 1000             # root records when --records is not given (optional)",
    "entities:",
    "  customers:              # the root: the one entity without a parent",
    "    key: customer_id      # the primary key: a uuid or sequence field",
    "    fields:",
    "      customer_id: { type: uuid }",
    "      email: { type: email, unique: true }",
    "  orders:",
    "    key: order_id",
    "    parent: { entity: customers, field: customer_id, children: { poisson: { mean: 3.2 } } }",
    "    fields:",
    "      order_id: { type: sequence, prefix: ORD- }",
    "```",
    "",
    "- Entity and field names are snake_case. The key's type is one of: " + KEY_TYPES.join(", ") + " (unique by construction).",
    "- `parent.field` is written by the engine with the parent's key; do not declare it in `fields`.",
    "- Every field may add `nullRate` (0-1: that share of records is null, drawn apart from the value),",
    "  `unique: true` (for types that can promise it; the gate checks it) and `description` (in the JSON Schemas).",
    "- Each field draws from its own seeded stream: adding, removing or reordering a field never changes another field's values.",
    `- Limits: ${RECIPE_LIMITS.bytes / 1024 / 1024} MiB, ${RECIPE_LIMITS.entities} entities, ${RECIPE_LIMITS.fieldsPerEntity} fields per entity, ${RECIPE_LIMITS.depth} levels below the root, ${RECIPE_LIMITS.childrenPerParent} children per parent record. A bad recipe is refused with the line and column of each problem and what is allowed.`,
    "",
    "### Children per parent (`parent.children`)",
    "",
    "| form | meaning |",
    "| --- | --- |",
    "| `{ fixed: 2 }` | exactly that many |",
    "| `{ uniform: { min: 0, max: 5 } }` | a whole number between min and max, each equally likely |",
    "| `{ poisson: { mean: 3.2, max: 40 } }` | Poisson with that mean, capped at max |",
    '| `{ weights: { "1": 0.6, "2": 0.3, "3": 0.1 } }` | a count by weight |',
    "",
    "### Number distributions (`distribution` of integer, decimal, money, percentage)",
    "",
    "| form | meaning |",
    "| --- | --- |",
    "| `{ uniform: { min: 0, max: 10 } }` | uniform |",
    "| `{ normal: { mean: 70, sd: 12 } }` | normal |",
    "| `{ lognormal: { mu: 4, sigma: 0.8 } }` | log-normal: exp of a normal (money, sizes, durations) |",
    "| `{ exponential: { mean: 4 } }` | exponential |",
    "| `{ poisson: { mean: 3 } }` | Poisson (counts) |",
    "| `{ quantiles: [0, 12, 30, 55, 400] }` | empirical: values at equally spaced quantiles, interpolated |",
    "",
    "A field's `min` and `max` clamp the draw; without a distribution, the value is uniform between them.",
    "",
    "### Dates",
    "",
    "Bounds are dates (`2024-05-01`), `asOf`, or offsets from asOf (`-3y`, `-18m`, `+30d`), so a nightly",
    "build's data moves with its asOf. `after: { field, days: { min, max } }` follows another date of the record.",
    "`quantiles: [2021-01-04, 2022-06-30, 2024-12-31]` draws from an empirical distribution of days.",
    "",
    "### Fields that move together (`correlations`)",
    "",
    "```yaml",
    "  orders:",
    "    correlations:",
    "      fields: [items, total, express]",
    "      matrix:",
    "        - [1, 0.8, 0.2]",
    "        - [0.8, 1, 0.3]",
    "        - [0.2, 0.3, 1]",
    "```",
    "",
    "An entity's `correlations` tie some of its fields together through a Gaussian copula: each record draws",
    "correlated normal scores (the matrix, in the order of `fields`, is their correlation), and each field",
    "makes its value from its score through its own rule, so every field keeps its own distribution.",
    `Fields that can be correlated: ${SEMANTIC_TYPES.filter((t) => t.copula).map((t) => `\`${t.name}\``).join(", ")} (numbers uniform, from \`quantiles\` or exponential).`,
    "A category's score picks its value in the order the values are listed. The matrix must be symmetric",
    "with 1 on the diagonal and positive definite; one rounded to three decimals that misses by a hair is",
    `shrunk towards the identity by the smallest step that makes it so (at most 3%). At most ${RECIPE_LIMITS.correlatedFields} fields.`,
    "",
    "### References besides the parent (`type: reference`)",
    "",
    "```yaml",
    "  customers: …",
    "  addresses:                                  # listed before orders",
    "    parent: { entity: customers, field: customer_id, children: { uniform: { min: 0, max: 3 } } }",
    "  orders:",
    "    parent: { entity: customers, field: customer_id, children: { poisson: { mean: 3 } } }",
    "  order_lines:",
    "    parent: { entity: orders, field: order_id, children: { uniform: { min: 1, max: 5 } } }",
    "    fields:",
    "      ship_to: { type: reference, entity: addresses }   # one of the same customer's addresses",
    "```",
    "",
    "A `reference` holds the key of one of the records of another entity under a record this one also",
    "hangs from: the named entity's parent must be an ancestor of this entity, and the named entity must be",
    "listed before the branch this entity is in (its records are made first). It is null when that ancestor",
    "record has none. Such records live in the same root's tree, so a reference resolves in any shard, and",
    "the gate checks it as it checks a parent's key (`REF_<ENTITY>_<FIELD>_MISSING`). A reference to a",
    "table outside the tree (a shared product list) is not in this version.",
    "",
    "### Derived fields (`type: derived`)",
    "",
    "```yaml",
    "      line_total: { type: derived, expression: 'quantity * unit_price * (1 - coalesce(discount_pct, 0) / 100)', result: money }",
    "      customer: { type: derived, expression: \"concat(upper(last_name), ', ', first_name)\", result: text }",
    "      due_on: { type: derived, expression: 'add_days(placed_on, 30)', result: date }",
    "      total: { type: derived, expression: 'sum(order_lines.line_total)', result: money }",
    "```",
    "",
    "An expression reads the record's fields by name and its children's through aggregates. `result` is",
    `one of ${DERIVED_RESULTS.join(", ")} (integer rounds, money keeps two decimals, decimal \`scale\`, default 2),`,
    "and the expression must give that type: it is type-checked when the recipe is read, and a problem names",
    "the line, the column and the character. Operators: `+ - * / %` on numbers, `== != < <= > >=`, `and or not`,",
    "parentheses; literals: numbers, `'text'` (`''` for a quote), `true`, `false`, `null`. A null operand gives",
    "null, as in SQL; division by zero gives null. A field that aggregates over children is made after them.",
    `At most ${EXPRESSION_LIMITS.length} characters, ${EXPRESSION_LIMITS.nodes} parts, ${EXPRESSION_LIMITS.depth} levels. Parsed by the recipe engine's own grammar and evaluated by walking the tree: never \`eval\`.`,
    "",
    "| function | what it gives |",
    "| --- | --- |",
    ...Object.entries(FUNCTIONS).map(([name, f]) => `| \`${name}\` | ${f.description.replaceAll("|", "\\|")} |`),
    "",
    "### Bad data on purpose (`outliers`, `duplicates`)",
    "",
    "```yaml",
    "      credit_limit: { type: integer, min: 500, max: 20000, outliers: { rate: 0.01, min: 250000, max: 1000000 } }",
    "      birth_date: { type: date, min: -90y, max: -18y, outliers: { rate: 0.002, min: 1890-01-01, max: 1900-12-31 } }",
    "  customers:",
    "    duplicates: { rate: 0.02 }",
    "```",
    "",
    `- A field's \`outliers\` (types ${OUTLIER_TYPES.join(", ")}): that share of records takes a value between the outliers' min and max`,
    "  (numbers, or dates for date fields) instead of the usual one. The gate's schema widens to take them; the",
    "  draw has its own streams, so every other record keeps its values.",
    "- An entity's `duplicates`: that share of records (at most 0.5) repeats an earlier record's values under its",
    "  own key: a root repeats one of the 100 roots before it, a child its previous sibling. The key, the parent's key,",
    "  `unique` fields and fields that aggregate over children are not repeated; fields computed from repeated ones",
    "  agree with them. Any shard makes the same duplicates (the source record is made again from its seed).",
    "",
    "## Semantic types",
    "",
    `${SEMANTIC_TYPES.length} types.`,
  ];
  for (const group of groups) {
    lines.push("", `### ${GROUP_TITLES[group]}`, "", "| type | what it holds | example |", "| --- | --- | --- |");
    for (const t of SEMANTIC_TYPES.filter((x) => x.group === group)) lines.push(`| \`${t.name}\` | ${t.description.replaceAll("|", "\\|")} | \`${t.example.replaceAll("|", "\\|")}\` |`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The recipe's JSON Schema: the document's shape, with each field one of the types (its `type` a
 * constant, its settings those of the type), so an editor completes settings by type.
 */
export function recipeJsonSchema(): Record<string, unknown> {
  const common = { nullRate: z.number().min(0).max(1).optional(), unique: z.boolean().optional(), description: z.string().max(500).optional() };
  const fieldOf = (t: (typeof SEMANTIC_TYPES)[number]) => {
    const shape = (t.params as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
    return z.strictObject({ type: z.literal(t.name), ...common, ...shape }).describe(t.description);
  };
  const Field = z.union(SEMANTIC_TYPES.map(fieldOf) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  const Entity = RecipeDocument.shape.entities.valueType;
  const document = RecipeDocument.extend({ entities: z.record(z.string(), Entity.extend({ fields: z.record(z.string(), Field) })) });
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://sdh.example/schemas/recipe-1.schema.json", title: "sdh recipe (version 1)", ...z.toJSONSchema(document, { unrepresentable: "any", io: "input" }) };
}
