import type { FailureSink } from "@sdh/validation";
import type { RuleCode } from "./rule-catalog.js";

/**
 * A whole-snapshot total: what a record declares (a count, a premium in cents) against what its
 * children add up to. A declared value of -1 broke the schema and was reported there; `scale` turns
 * cents back into the dollars the example shows.
 */
export function checkDeclared(report: FailureSink, rule: RuleCode, record: number, [field, declared]: [string, number], [found, sum]: [string, number], scale = 1): void {
  if (declared >= 0 && declared !== sum) report.fail(rule, { record, [field]: declared / scale, [found]: sum / scale });
}
