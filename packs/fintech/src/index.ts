import { asOfOutsideRange, PEOPLE_FROM } from "@sdh/rules";
import type { Pack } from "@sdh/validation";
import { FINTECH_CHECKS } from "./checks.js";
import { FINTECH_PACK_SPEC } from "./declaration.js";
import { createFintechGenerator } from "./generate.js";
import { FintechTally } from "./tally.js";

import { FINTECH_GENERATOR } from "./generator-version.js";

export { FINTECH_GENERATOR } from "./generator-version.js";

/**
 * The FinTech pack (ADR 0016 step 4): retail banking customers, their accounts and a year of each
 * ledger, written only against the pack API — the engine builds, validates, exports, publishes and
 * pulls it without knowing its entities.
 */
export const FINTECH_PACK: Pack = {
  spec: FINTECH_PACK_SPEC,
  generator: FINTECH_GENERATOR,
  generate: createFintechGenerator,
  asOfProblem: (asOf) => asOfOutsideRange(asOf, PEOPLE_FROM),
  checks: FINTECH_CHECKS,
  createTally: () => new FintechTally(),
};

export { FINTECH_PACK_SPEC } from "./declaration.js";
export { FINTECH_RULES, FINTECH_OWN_RULES } from "./rules.js";
export { Customer, Account, Transaction, AccountProduct, TransactionType } from "./schemas.js";
export { MCC_DESCRIPTIONS } from "./reference/mcc.js";
