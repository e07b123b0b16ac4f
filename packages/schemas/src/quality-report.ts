import { z } from "zod";
import { Counts, Entity } from "./snapshot-files.js";

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const HistogramBin = z.object({ from: z.number(), to: z.number(), count: z.number().int().min(0) });

/** What one column looks like across an entity: the profile dbt, Soda and Great Expectations users expect. */
export const ColumnProfile = z.object({
  name: z.string(),
  type: z.enum(["string", "date", "int", "decimal", "double", "boolean"]),
  nulls: z.number().int().min(0),
  nullRate: z.number().min(0).max(1),
  distinct: z.number().int().min(0).describe("Distinct non-null values; an estimate (HyperLogLog, ±2%) when distinctExact is false"),
  distinctExact: z.boolean(),
  min: Scalar.nullable(),
  max: Scalar.nullable(),
  top: z.array(z.object({ value: Scalar, count: z.number().int().min(1) })).describe("Most frequent values, up to 5; empty when there are too many distinct values to count exactly"),
  numeric: z
    .object({
      mean: z.number(),
      stddev: z.number().describe("Population standard deviation"),
      histogram: z.array(HistogramBin).describe("Ten equal-width bins from min to max; empty when the values could not be counted exactly"),
      deciles: z.array(z.number()).length(9).optional().describe("The 10th, 20th, … 90th percentiles (nearest rank): exact while the values are counted exactly, else from their two-significant-digit roundings (since schema 0.8)"),
      logHistogram: z
        .array(HistogramBin)
        .nullable()
        .optional()
        .describe("For values never negative that span more than two orders of magnitude (money, counts): ten log-spaced bins from the smallest positive value to max, after a bin [0, 0] when zeros occur; null otherwise (since schema 0.8)"),
    })
    .nullable()
    .describe("For numeric columns only"),
  dates: z
    .object({
      unit: z.enum(["month", "year"]).describe("month when the values span at most 36 months, else year"),
      histogram: z.array(z.object({ period: z.string().describe("YYYY-MM or YYYY"), count: z.number().int().min(1) })).describe("Records per period, in order; periods without records are left out"),
    })
    .nullable()
    .optional()
    .describe("For date columns only: records per month or year (since schema 0.8)"),
});
export type ColumnProfile = z.infer<typeof ColumnProfile>;

/** An observed share compared with what the config (or the generator's reference tables) asks for. */
export const DistributionCheck = z.object({
  name: z.string().describe("e.g. lob_mix.commercial, vehicles_per_household.personal.2, age_band.personal.25-34 (ages of households' heads)"),
  expected: z.number().min(0).max(1),
  observed: z.number().min(0).max(1),
  tolerance: z.number().min(0).describe("Largest accepted |observed - expected|: max(0.01, 4 standard errors of the share)"),
  sample: z.number().int().min(0).describe("Records the share is taken over"),
  passed: z.boolean(),
});
export type DistributionCheck = z.infer<typeof DistributionCheck>;

export const QualityReport = z
  .object({
    counts: Counts,
    columns: z.record(Entity, z.array(ColumnProfile)).describe("Each entity's column profiles, in schema order"),
    checks: z.array(DistributionCheck),
    passed: z.boolean().describe("True when every distribution check is within its tolerance"),
  })
  .describe("quality_report_v0_9.json");
export type QualityReport = z.infer<typeof QualityReport>;
