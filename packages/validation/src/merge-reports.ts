import type { ValidationReport } from "@sdh/schemas";
import { MAX_EXAMPLES, reportOf } from "./report-builder.js";

/**
 * One report for a bundle validated format by format (its CSV, JSON and Parquet copies): failures
 * add up, and each example says which copy it came from. Counts are the first copy's.
 */
export function mergeReports(parts: ReadonlyArray<{ label: string; report: ValidationReport }>): ValidationReport {
  const first = parts[0];
  if (!first) throw new Error("nothing to merge");
  if (parts.length === 1) return first.report;
  const rules = first.report.rules.map((rule) => {
    const same = parts.map((p) => ({ label: p.label, rule: p.report.rules.find((r) => r.code === rule.code) }));
    return {
      ...rule,
      failures: same.reduce((n, s) => n + (s.rule?.failures ?? 0), 0),
      examples: same
        .flatMap((s) => (s.rule?.examples ?? []).map((e) => (typeof e === "object" && e !== null ? { format: s.label, ...e } : { format: s.label, value: e })))
        .slice(0, MAX_EXAMPLES),
    };
  });
  return reportOf(first.report.counts, rules);
}
