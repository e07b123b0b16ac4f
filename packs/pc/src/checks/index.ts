// The P&C pack's gate: its rule catalog and the domain rules that check its records (ADR 0016).
export { RULES, RULE_CODES, type RuleCode } from "./rule-catalog.js";
export { PC_CHECKS, PC_VALIDATION } from "./pc-checks.js";
