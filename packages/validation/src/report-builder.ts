import type { Counts, ValidationReport } from "@sdh/schemas";
import { RULES, RULE_CODES, type RuleCode } from "./rule-catalog.js";

/** How many failing records or values a rule keeps as examples. */
export const MAX_EXAMPLES = 5;

/**
 * Collects failures as the passes stream by: a count per rule and the first few examples, so the
 * report's size does not grow with the data.
 */
export class ReportBuilder {
  private readonly failures = new Map<RuleCode, { count: number; examples: unknown[] }>();

  fail(code: RuleCode, example: unknown): void {
    this.failLazy(code, () => example);
  }

  /** For examples that cost something to build (zod's explanations): built only for the first few. */
  failLazy(code: RuleCode, example: () => unknown): void {
    let entry = this.failures.get(code);
    if (!entry) {
      entry = { count: 0, examples: [] };
      this.failures.set(code, entry);
    }
    entry.count++;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(example());
  }

  failuresOf(code: RuleCode): number {
    return this.failures.get(code)?.count ?? 0;
  }

  /** Every rule appears, passed or not, so a report also shows what was checked. */
  build(counts: Counts): ValidationReport {
    const rules = RULE_CODES.map((code) => {
      const entry = this.failures.get(code);
      return { code, severity: RULES[code].severity, message: RULES[code].message, failures: entry?.count ?? 0, examples: entry?.examples ?? [] };
    });
    return reportOf(counts, rules);
  }
}

/** A report from its rule outcomes: errors and warnings count the failing rules of each severity. */
export function reportOf(counts: Counts, rules: ValidationReport["rules"]): ValidationReport {
  const errors = rules.filter((r) => r.severity === "error" && r.failures > 0).length;
  const warnings = rules.filter((r) => r.severity === "warning" && r.failures > 0).length;
  return { passed: errors === 0, counts, errors, warnings, rules };
}
