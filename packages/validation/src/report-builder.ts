import type { Counts, Entity, ValidationReport } from "@sdh/schemas";
import type { RuleCatalog } from "./rule-catalog.js";

/** How many failing records or values a rule keeps as examples. */
export const MAX_EXAMPLES = 5;

/** Whose stream an example's `record` position counts in; lets sharded reports shift positions to the whole snapshot's. */
export type ExampleScope = Entity | "snapshot";

/** A rule's failures as one part of a snapshot saw them: the count and the first examples, each with its scope. */
export interface RuleFailures {
  code: string;
  count: number;
  examples: Array<{ scope: ExampleScope; example: unknown }>;
}

/** Where the entity checks report a failure; scoped so each example knows whose position it carries. */
export interface FailureSink {
  fail(code: string, example: unknown): void;
  /** For examples that cost something to build (zod's explanations): built only for the first few. */
  failLazy(code: string, example: () => unknown): void;
}

/**
 * Collects failures as the passes stream by: a count per rule and the first few examples, so the
 * report's size does not grow with the data.
 */
export class ReportBuilder {
  private readonly failures = new Map<string, { count: number; examples: RuleFailures["examples"] }>();
  private readonly codes: readonly string[];

  /** `catalog`: every rule of the pack, in report order; a failure of any other code is a bug in a check, and throws. */
  constructor(private readonly catalog: RuleCatalog) {
    this.codes = Object.keys(catalog);
  }

  /** A sink whose examples carry `scope`'s positions. */
  scoped(scope: ExampleScope): FailureSink {
    return {
      fail: (code, example) => this.add(code, 1, scope, () => example),
      failLazy: (code, example) => this.add(code, 1, scope, example),
    };
  }

  fail(code: string, example: unknown): void {
    this.add(code, 1, "snapshot", () => example);
  }

  /** Adds failures another builder (a shard's) collected; examples past the first few are dropped. */
  addFailures(failures: RuleFailures): void {
    const entry = this.entry(failures.code);
    entry.count += failures.count;
    for (const e of failures.examples) if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(e);
  }

  /** The failing rules with their scoped examples, JSON-safe: what a shard hands to the merge. */
  state(): RuleFailures[] {
    return this.codes.filter((code) => this.failures.has(code)).map((code) => ({ code, ...this.failures.get(code)! }));
  }

  /** Every rule appears, passed or not, so a report also shows what was checked. */
  build(counts: Counts): ValidationReport {
    const rules = this.codes.map((code) => {
      const entry = this.failures.get(code);
      return {
        code,
        severity: this.catalog[code]!.severity,
        message: this.catalog[code]!.message,
        failures: entry?.count ?? 0,
        examples: entry?.examples.map((e) => e.example) ?? [],
      };
    });
    return reportOf(counts, rules);
  }

  private add(code: string, count: number, scope: ExampleScope, example: () => unknown): void {
    const entry = this.entry(code);
    entry.count += count;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push({ scope, example: example() });
  }

  private entry(code: string) {
    let entry = this.failures.get(code);
    if (!entry) {
      if (!(code in this.catalog)) throw new Error(`rule ${code} is not in the pack's catalog`);
      entry = { count: 0, examples: [] };
      this.failures.set(code, entry);
    }
    return entry;
  }
}

/** A report from its rule outcomes: errors and warnings count the failing rules of each severity. */
export function reportOf(counts: Counts, rules: ValidationReport["rules"]): ValidationReport {
  const errors = rules.filter((r) => r.severity === "error" && r.failures > 0).length;
  const warnings = rules.filter((r) => r.severity === "warning" && r.failures > 0).length;
  return { passed: errors === 0, counts, errors, warnings, rules };
}
