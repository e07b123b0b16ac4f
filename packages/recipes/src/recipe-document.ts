import { z } from "zod";

// The recipe language, version 1: a domain as data. A recipe names its entities (tables), each with
// its fields of semantic types; one entity is the root (it has no parent), every other one hangs from
// a parent with a distribution of children per parent record. The engine turns a recipe into a pack,
// so a recipe gets shards, byte determinism, the gate, every format and the manifest as a pack does.
// A recipe is data: bounded in every dimension, parsed and checked, never evaluated.

/** Bounds on a recipe: what a recipe of any real domain stays far below, and what keeps a hostile one harmless. */
export const RECIPE_LIMITS = { bytes: 1024 * 1024, entities: 50, fieldsPerEntity: 200, textLength: 2_000, categories: 10_000, childrenPerParent: 10_000, depth: 6, correlatedFields: 100, lookupRows: 100_000 } as const;

/** snake_case names, as SQL, pandas and Parquet readers take them without quoting. */
const NAME = /^[a-z][a-z0-9_]{0,62}$/;
export const EntityName = z.string().regex(NAME, "an entity name is snake_case: a lowercase letter, then lowercase letters, digits or _ (at most 63)");
export const FieldName = z.string().regex(NAME, "a field name is snake_case: a lowercase letter, then lowercase letters, digits or _ (at most 63)");

const text = (max: number = RECIPE_LIMITS.textLength) => z.string().max(max, `at most ${max} characters`);

/** How many children a parent record has. */
export const CountDistribution = z.union([
  z.strictObject({ fixed: z.number().int().min(0).max(RECIPE_LIMITS.childrenPerParent) }),
  z.strictObject({ uniform: z.strictObject({ min: z.number().int().min(0), max: z.number().int().max(RECIPE_LIMITS.childrenPerParent) }) }),
  z.strictObject({ poisson: z.strictObject({ mean: z.number().min(0).max(1_000), max: z.number().int().min(0).max(RECIPE_LIMITS.childrenPerParent).optional() }) }),
  z.strictObject({ weights: z.record(z.string().regex(/^\d{1,5}$/, "a count: a whole number"), z.number().min(0)) }),
]);
export type CountDistribution = z.infer<typeof CountDistribution>;

/**
 * Fields of a record that move together: a Gaussian copula over them with this correlation matrix
 * (of normal scores), each field keeping its own distribution.
 */
export const Correlations = z
  .strictObject({
    fields: z.array(FieldName).min(2).max(RECIPE_LIMITS.correlatedFields),
    matrix: z.array(z.array(z.number().min(-1).max(1)).max(RECIPE_LIMITS.correlatedFields)).max(RECIPE_LIMITS.correlatedFields),
  })
  .describe("Fields whose values move together: a correlation matrix (rows and columns in the order of `fields`, 1 on the diagonal, symmetric) of a Gaussian copula");
export type Correlations = z.infer<typeof Correlations>;

/**
 * A field: its semantic type and the type's own settings (checked against that type), plus what
 * every field may say: a null rate, uniqueness (checked by the gate), a description.
 */
export const FieldSpec = z
  .looseObject({
    type: z.string({ error: "every field needs a type" }),
    nullRate: z.number().min(0).max(1).optional(),
    unique: z.boolean().optional(),
    description: text(500).optional(),
    outliers: z
      .strictObject({ rate: z.number().min(0).max(1), min: z.union([z.number(), z.string()]), max: z.union([z.number(), z.string()]) })
      .optional()
      .describe("Deliberate outliers: that share of records takes a value between min and max instead (numbers, or dates for date fields), outside the field's usual range"),
  })
  .describe("A field: `type` names a semantic type; its other keys are that type's settings");
export type FieldSpec = z.infer<typeof FieldSpec>;

export const EntityDocument = z.strictObject({
  description: text(500).optional(),
  /** The primary key: one of the fields, unique in every record. */
  key: FieldName,
  parent: z
    .strictObject({
      entity: EntityName,
      /** The field of this entity that holds the parent's key (written by the engine, not declared in `fields`). */
      field: FieldName,
      children: CountDistribution.describe("How many of this entity each parent record has"),
    })
    .optional()
    .describe("Absent for the root entity, which --records counts, and for a lookup table"),
  lookup: z
    .strictObject({ rows: z.number().int().min(1).max(RECIPE_LIMITS.lookupRows) })
    .optional()
    .describe(`A lookup table (a product list, a carrier list): a table of its own, outside the root's tree, of exactly \`rows\` records (at most ${RECIPE_LIMITS.lookupRows.toLocaleString("en-US")}) whatever --records says; any entity's reference may name one of its records. Nothing hangs from it`),
  fields: z.record(FieldName, FieldSpec).refine((f) => Object.keys(f).length >= 1 && Object.keys(f).length <= RECIPE_LIMITS.fieldsPerEntity, `1 to ${RECIPE_LIMITS.fieldsPerEntity} fields`),
  correlations: Correlations.optional(),
  duplicates: z
    .strictObject({ rate: z.number().min(0).max(0.5) })
    .optional()
    .describe("Deliberate duplicates: that share of records repeats an earlier record's values (a root an earlier root's, a child its previous sibling's) under its own key; unique fields and the parent's key are not repeated"),
});
export type EntityDocument = z.infer<typeof EntityDocument>;

/** What sdh learn measured when it wrote a recipe: kept with it so the snapshot and the catalog can say how alike and how private. Not used to generate. */
const share = z.number().min(0).max(1);
const distances = z.strictObject({ p5: z.number().min(0).max(1), p50: z.number().min(0).max(1) });
export const LearnedSummary = z
  .strictObject({
    from: z.array(z.string().max(200)).min(1).max(50).describe("The sample files"),
    k: z.number().int().min(2),
    method: text(),
    score: share.describe("Mean fidelity over the entities (1 = alike)"),
    entities: z.record(
      EntityName,
      z.strictObject({
        rows: z.number().int().min(0).describe("Rows of the sample"),
        score: share,
        shapes: share.describe("Column shapes: 1 − KS statistic (numbers, dates), 1 − total variation distance (categories)"),
        trends: share.describe("Column pair trends: correlation and contingency similarity"),
        identical: share.optional().describe("Share of generated rows identical to a training row"),
        holdoutIdentical: share.optional().describe("The same share for held-out sample rows"),
        closest: distances.optional().describe("Distance from generated rows to the closest training row, percentiles 5 and 50"),
        holdoutClosest: distances.optional().describe("The same for held-out sample rows"),
      }),
    ),
  })
  .describe("What sdh learn measured when it wrote this recipe (not used to generate)");
export type LearnedSummary = z.infer<typeof LearnedSummary>;

export const RecipeDocument = z
  .strictObject({
    recipe: z.literal(1, { error: "this release reads recipe: 1" }),
    name: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "a recipe's name is lowercase letters, digits and '-' (2-40), e.g. retail-orders"),
    title: text(120),
    description: text().optional(),
    records: z.number().int().min(1).max(100_000_000).optional().describe("Root records when --records is not given"),
    learned: LearnedSummary.optional(),
    entities: z.record(EntityName, EntityDocument).refine((e) => Object.keys(e).length >= 1 && Object.keys(e).length <= RECIPE_LIMITS.entities, `1 to ${RECIPE_LIMITS.entities} entities`),
  })
  .describe("An sdh recipe (version 1)");
export type RecipeDocument = z.infer<typeof RecipeDocument>;
