import { z } from "zod";
import { drawNumber, NumberDistribution } from "../distributions.js";
import { PhraseParams, phraseMaker, phraseProblems } from "./phrase.js";
import { semanticType } from "./semantic-type.js";
import { LOREM_WORDS } from "./lorem.js";

// Numbers, flags and codes: a value from a distribution (or uniform between min and max), clamped to
// min and max, rounded to the type's precision; categories with weights, optionally conditional on
// another field of the record (a value's weights depend on that field's value).

const bounds = { min: z.number().optional(), max: z.number().optional(), distribution: NumberDistribution.optional() };
const ordered = (p: { min?: number | undefined; max?: number | undefined }) => p.min === undefined || p.max === undefined || p.min <= p.max;
const needsShape = (p: { min?: number | undefined; max?: number | undefined; distribution?: unknown }) => p.distribution !== undefined || (p.min !== undefined && p.max !== undefined);
const SHAPE = "give min and max (uniform between them), or a distribution (min and max then clamp it)";

type Bounded = { min?: number | undefined; max?: number | undefined; distribution?: NumberDistribution | undefined };
/** A draw from the field's shape, clamped to its bounds. */
function drawBounded(r: Parameters<typeof drawNumber>[0], p: Bounded): number {
  const x = drawNumber(r, p.distribution ?? { uniform: { min: p.min!, max: p.max! } });
  return Math.min(p.max ?? Infinity, Math.max(p.min ?? -Infinity, x));
}

/** A copula's uniform gives a bounded number its own distribution when that distribution is drawn from one uniform by its inverse CDF. */
const invertible = (p: { distribution?: NumberDistribution | undefined }) => !p.distribution || "uniform" in p.distribution || "quantiles" in p.distribution || "exponential" in p.distribution;

const round = (x: number, places: number) => {
  const f = 10 ** places;
  const y = Math.round(x * f) / f;
  return Object.is(y, -0) ? 0 : y;
};

const integerParams = z.strictObject(bounds).refine(ordered, "min must not exceed max").refine(needsShape, SHAPE);
const decimalParams = z.strictObject({ ...bounds, scale: z.number().int().min(0).max(9).optional() }).refine(ordered, "min must not exceed max").refine(needsShape, SHAPE);
const moneyParams = z.strictObject({ ...bounds, currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD").optional() }).refine(ordered, "min must not exceed max").refine(needsShape, SHAPE);

const Weights = z.union([z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).max(10_000), z.record(z.string(), z.number().min(0))]);
type Weights = z.infer<typeof Weights>;
function weightsValid(w: Weights): boolean {
  return Array.isArray(w) || Object.values(w).some((x) => x > 0);
}
function entriesOf(w: Weights): Array<[string | number | boolean, number]> {
  return Array.isArray(w) ? w.map((v) => [v, 1]) : Object.entries(w);
}
function chooser(w: Weights) {
  return chooserOf(entriesOf(w));
}
function chooserOf(entries: Array<[string | number | boolean, number]>) {
  const total = entries.reduce((n, [, x]) => n + x, 0);
  return (u: number) => {
    let left = u * total;
    for (const [v, x] of entries) {
      left -= x;
      if (left < 0) return v;
    }
    return entries.at(-1)![0];
  };
}
/** A category's share of records that takes a phrase of its vocabulary instead of a listed value. */
const OtherParams = z
  .strictObject({ rate: z.number().gt(0).lt(1).describe("The share of records that take a phrase, not a listed value"), words: PhraseParams.shape.words.optional().describe("The phrase's vocabulary (default: lorem ipsum words)"), weights: PhraseParams.shape.weights, lengths: PhraseParams.shape.lengths })
  .superRefine((p, ctx) => {
    const problem = phraseProblems({ ...p, words: p.words ?? LOREM_WORDS });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
type OtherParams = z.infer<typeof OtherParams>;

interface CategoryParams {
  other?: OtherParams | undefined;
  values: Weights;
  /** With a list of values: their weights, in the same order (numbers keep their type, which a map's keys cannot). */
  weights?: number[] | undefined;
  when?: { field: string; values: Record<string, Weights> } | undefined;
}
/** Every value a category can take, for its schema (an enum) and the column type. */
const allValues = (p: CategoryParams): Array<string | number | boolean> => [...new Set([...entriesOf(p.values), ...Object.values(p.when?.values ?? {}).flatMap((w) => entriesOf(w))].map(([v]) => v))];

const categoryParams: z.ZodType<CategoryParams> = z
  .strictObject({
    values: Weights.describe("The values, each equally likely (a list) or with weights (a map of value to weight, or a list with `weights`)"),
    weights: z.array(z.number().min(0)).max(10_000).optional().describe("With a list of values: each one's weight, in the same order"),
    when: z
      .strictObject({ field: z.string(), values: z.record(z.string(), Weights) })
      .optional()
      .describe("Weights by another field's value: when that field holds a listed value, its weights apply; otherwise `values`"),
    other: OtherParams.optional().describe("A share of records (rate) that takes a phrase of a vocabulary, never a listed value: the values too rare to list, as `sdh learn` writes them"),
  })
  .refine((p) => p.weights === undefined || (Array.isArray(p.values) && p.weights.length === p.values.length), "weights go with a list of values, one weight per value")
  .refine((p) => (p.weights ? p.weights.some((w) => w > 0) : weightsValid(p.values)) && Object.values(p.when?.values ?? {}).every((w) => weightsValid(w)), "weights must not all be 0")
  .refine((p) => new Set(allValues(p).map((v) => typeof v)).size === 1, "the values must be all text, all numbers or all true/false (a map's keys are text)")
  .refine((p) => !p.other || allValues(p).every((v) => typeof v === "string"), "other goes with text values (its phrases are text)");

/** Tries at most for a phrase that is none of the listed values (a vocabulary of one listed word may have no other). */
const OTHER_TRIES = 8;



export const NUMBER_TYPES = [
  semanticType({
    name: "integer",
    group: "numbers",
    copula: invertible,
    description: "A whole number: uniform between min and max, or from a distribution (uniform, normal, lognormal, exponential, poisson, quantiles) clamped to them",
    example: "{ type: integer, distribution: { poisson: { mean: 3 } }, min: 0, max: 20 }",
    params: integerParams,
    schema: (p) => z.number().int().min(Math.ceil(p.min ?? Number.MIN_SAFE_INTEGER)).max(Math.floor(p.max ?? Number.MAX_SAFE_INTEGER)),
    make: (p) => (ctx) => Math.round(drawBounded(ctx.random, p)),
  }),
  semanticType({
    name: "decimal",
    group: "numbers",
    copula: invertible,
    description: "A number with `scale` decimals (default 2), uniform between min and max or from a distribution clamped to them",
    example: "{ type: decimal, distribution: { normal: { mean: 70, sd: 12 } }, min: 30, scale: 1 }",
    params: decimalParams,
    schema: (p) => z.number().min(p.min ?? -Number.MAX_VALUE).max(p.max ?? Number.MAX_VALUE),
    make: (p) => (ctx) => round(drawBounded(ctx.random, p), p.scale ?? 2),
  }),
  semanticType({
    name: "money",
    group: "numbers",
    copula: invertible,
    description: "An amount in cents' precision (two decimals), at least 0 unless min says otherwise; `currency` documents the unit",
    example: "{ type: money, distribution: { lognormal: { mu: 4, sigma: 0.8 } }, max: 5000, currency: USD }",
    params: moneyParams,
    schema: (p) => z.number().min(p.min ?? 0).max(p.max ?? Number.MAX_VALUE),
    make: (p) => (ctx) => round(drawBounded(ctx.random, { ...p, min: p.min ?? 0 }), 2),
  }),
  semanticType({
    name: "percentage",
    group: "numbers",
    copula: invertible,
    description: "A share from 0 to 100 with two decimals (uniform unless a distribution is given)",
    example: "{ type: percentage, distribution: { normal: { mean: 35, sd: 10 } } }",
    params: z.strictObject({ distribution: NumberDistribution.optional() }),
    schema: () => z.number().min(0).max(100),
    make: (p) => (ctx) => round(drawBounded(ctx.random, { min: 0, max: 100, distribution: p.distribution }), 2),
  }),
  semanticType({
    name: "boolean",
    group: "numbers",
    copula: () => true,
    description: "true for a share `rate` of records (default 0.5)",
    example: "{ type: boolean, rate: 0.12 }",
    params: z.strictObject({ rate: z.number().min(0).max(1).optional() }),
    schema: () => z.boolean(),
    make: (p) => (ctx) => ctx.random.next() < (p.rate ?? 0.5),
  }),
  semanticType({
    name: "category",
    group: "numbers",
    copula: () => true,
    description: "One of the listed values, equally likely, by weight (a map of value to weight, or a list with `weights: [0.6, 0.3, 0.1]`, which keeps numbers numbers); with `when`, weights that depend on another field's value; with `other`, a share of records takes a phrase of a vocabulary instead",
    example: "{ type: category, values: { standard: 0.7, express: 0.25, overnight: 0.05 }, when: { field: segment, values: { business: { express: 0.6, overnight: 0.4 } } } }",
    params: categoryParams,
    dependsOn: (p) => (p.when ? [p.when.field] : []),
    schema: (p) => {
      const values = allValues(p);
      if (p.other) return z.string().min(1);
      if (values.every((v) => typeof v === "string")) return z.enum(values as [string, ...string[]]);
      const allowed = new Set<unknown>(values);
      const listed = (v: unknown) => allowed.has(v);
      if (values.every((v) => typeof v === "boolean")) return z.boolean().refine(listed, "one of the listed values");
      return (values.every(Number.isInteger) ? z.number().int() : z.number()).refine(listed, "one of the listed values");
    },
    make: (p) => {
      const base = p.weights && Array.isArray(p.values) ? chooserOf(p.values.map((v, i) => [v, p.weights![i]!])) : chooser(p.values);
      const conditional = new Map(Object.entries(p.when?.values ?? {}).map(([k, w]) => [k, chooser(w)]));
      if (p.other) {
        // Listed values fill [0, 1 - rate) of the first uniform (a copula's, when correlated), phrases the rest.
        const { rate } = p.other;
        const phrase = phraseMaker({ ...p.other, words: p.other.words ?? LOREM_WORDS });
        const listed = new Set<unknown>(allValues(p));
        return (ctx) => {
          const u = ctx.random.next();
          if (u < 1 - rate) return ((p.when ? conditional.get(String(ctx.value(p.when.field))) : undefined) ?? base)(u / (1 - rate));
          let text = phrase(ctx.random);
          for (let i = 1; i < OTHER_TRIES && listed.has(text); i++) text = phrase(ctx.random);
          return text;
        };
      }
      return (ctx) => {
        const u = ctx.random.next();
        const on = p.when ? conditional.get(String(ctx.value(p.when.field))) : undefined;
        return (on ?? base)(u);
      };
    },
  }),
  semanticType({
    name: "constant",
    group: "numbers",
    description: "The same value in every record (a text, a number or a flag)",
    example: "{ type: constant, value: USD }",
    params: z.strictObject({ value: z.union([z.string().max(500), z.number(), z.boolean()]) }),
    schema: (p) => z.literal(p.value),
    make: (p) => () => p.value,
  }),
];
