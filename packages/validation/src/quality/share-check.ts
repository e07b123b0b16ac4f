import type { DistributionCheck } from "@sdh/schemas";
import { round } from "./column-stats.js";

/**
 * Observed share against expected. The tolerance is four standard errors of a share of `sample`
 * draws (a false alarm about once in 16,000 checks), and never below one percentage point.
 */
export function shareCheck(name: string, expected: number, hits: number, sample: number): DistributionCheck {
  const observed = sample === 0 ? 0 : hits / sample;
  const tolerance = Math.max(0.01, 4 * Math.sqrt((expected * (1 - expected)) / Math.max(sample, 1)));
  return { name, expected: round(expected), observed: round(observed), tolerance: round(tolerance), sample, passed: Math.abs(observed - expected) <= tolerance };
}
