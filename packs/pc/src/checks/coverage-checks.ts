import { FEDERAL_INTERSTATE_MINIMUM, stateMinimumOn, type StateMinimum } from "../generator/index.js";
import { US_STATE_CODES } from "@sdh/schemas";
import type { Checked, FailureSink } from "@sdh/validation";
import { checkDeclared } from "./declared-totals.js";
import { fieldOk } from "@sdh/validation";
import { LOB_CODE, type ChecksContext } from "./person-index.js";
import { CLAIM_COVERAGE_CODE, UNKNOWN_DAY, VEHICLE_COVERAGE_CODES, VEHICLE_FLAGS, type PolicyIndex, type PolicyVehicleIndex } from "./policy-index.js";

/** Line coverages, one bit each in a policy's PolicyIndex.lineCoverages. */
const LINE_BITS: Readonly<Record<string, number>> = { BI: 1, PD: 2, CSL: 4, UM: 8, PIP: 16, MEDPAY: 32 };
/** A vehicle's own coverages, one bit each in PolicyVehicleIndex.coverages. */
const VEHICLE_BITS: Readonly<Record<string, number>> = { COMP: 1, COLL: 2, RENTAL: 4, TOWING: 8 };
/** Line coverages of one line of business only: CSL is commercial auto's, split BI/PD and the personal add-ons personal auto's. */
const COMMERCIAL_ONLY = new Set(["CSL"]);
const PERSONAL_ONLY = new Set(["BI", "PD", "RENTAL", "TOWING"]);

/** Which limit fields a coverage fills ('p' per person, 'a' per accident, 'd' per day, 'k' deductible); UM's depend on the line. */
const SHAPES: Readonly<Record<string, string>> = { BI: "pa", PD: "a", CSL: "a", PIP: "p", MEDPAY: "p", COMP: "k", COLL: "k", RENTAL: "ad", TOWING: "a" };
const LIMIT_FIELDS = ["limit_per_person", "limit_per_accident", "limit_per_day", "deductible"] as const;
const SHAPE_LETTERS = ["p", "a", "d", "k"] as const;

function coverageExample(position: number, c: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, coverage_id: c.coverage_id, coverage_code: c.coverage_code, ...fields };
}
const limitsOf = (c: Record<string, unknown>) => ({ limit_per_person: c.limit_per_person, limit_per_accident: c.limit_per_accident, limit_per_day: c.limit_per_day, deductible: c.deductible });

/** The minimums of a policy's state on its effective date; null when either is unknown. */
function minimumOf(policies: PolicyIndex, policy: number): StateMinimum | null {
  const state = US_STATE_CODES[policies.state.values[policy]!];
  const start = policies.start.values[policy]!;
  return state === undefined || start === UNKNOWN_DAY ? null : stateMinimumOn(state, start);
}

/** Why a coverage's limits fall short of its state's statute (or the federal interstate minimum), or null. */
function shortfall(code: string, c: Record<string, unknown>, min: StateMinimum, interstate: boolean): string | null {
  const person = c.limit_per_person as number | null;
  const accident = c.limit_per_accident as number | null;
  const split = (p: number, a: number) => (person ?? 0) < p || (accident ?? 0) < a;
  switch (code) {
    case "BI":
      return split(min.biPerPerson, min.biPerAccident) ? `bodily injury ${min.biPerPerson}/${min.biPerAccident}` : null;
    case "PD":
      return (accident ?? 0) < min.pd ? `property damage ${min.pd}` : null;
    case "CSL":
      if (interstate && (accident ?? 0) < FEDERAL_INTERSTATE_MINIMUM) return `${FEDERAL_INTERSTATE_MINIMUM} for an interstate truck (49 CFR §387.9)`;
      return (accident ?? 0) < min.biPerAccident + min.pd ? `a single limit of ${min.biPerAccident + min.pd}` : null;
    case "UM":
      if (min.umPerPerson === 0) return null;
      return person === null ? ((accident ?? 0) < min.umPerAccident ? `uninsured motorists ${min.umPerAccident}` : null) : split(min.umPerPerson, min.umPerAccident) ? `uninsured motorists ${min.umPerPerson}/${min.umPerAccident}` : null;
    case "PIP":
      if (min.pip !== "required") return null;
      if (min.pipLimit === 0) return person === null ? null : "unlimited PIP benefits";
      return person !== null && person < min.pipLimit ? `PIP ${min.pipLimit}` : null;
    case "MEDPAY":
      return (person ?? 0) < min.medpay ? `medical payments ${min.medpay}` : null;
    default:
      return null;
  }
}

/** What a liability claim may cost the policy: BI per person, PD per accident, a CSL's single limit for both. */
function recordLiabilityLimit(policies: PolicyIndex, policy: number, code: string, c: Record<string, unknown>): void {
  if (code === "BI" && c.limit_per_person !== null) policies.biLimit.values[policy] = c.limit_per_person as number;
  if ((code === "PD" || code === "CSL") && c.limit_per_accident !== null) policies.pdLimit.values[policy] = c.limit_per_accident as number;
  if (code === "CSL" && c.limit_per_accident !== null) policies.biLimit.values[policy] = c.limit_per_accident as number;
}

/** The coverage rules beyond the declaration's (schema, coverage_id unique, policy and policy vehicle exist). */
export function createCoverageChecks({ report, policies, policyVehicles, coverages }: ChecksContext) {
  return function checkCoverage(c: Record<string, unknown>, position: number, { invalid, ordinal, refs }: Checked): void {
    const policy = refs[0]!;
    const place = refs[1]!;
    // What a claim under it needs to know: its code and what holds it.
    if (ordinal >= 0) {
      const claimCode = fieldOk(invalid, "coverage_code") ? (CLAIM_COVERAGE_CODE[c.coverage_code as string] ?? 0) : 0;
      coverages.code.at(ordinal)[ordinal] = claimCode;
      coverages.owner.at(ordinal)[ordinal] = VEHICLE_COVERAGE_CODES.has(claimCode) ? place : policy;
    }
    if (policy >= 0 && fieldOk(invalid, "premium")) policies.coveragePremium.values[policy]! += Math.round((c.premium as number) * 100);
    if (!fieldOk(invalid, "coverage_code")) return;
    const code = c.coverage_code as string;
    const line = code in LINE_BITS;
    const lob = policy >= 0 ? policies.lob.values[policy]! : 255;

    // Where it belongs: a line coverage on the policy, a vehicle's on one of the same policy's vehicles, each on its line of business.
    if (fieldOk(invalid, "policy_vehicle_id")) {
      const placePolicy = place >= 0 ? policyVehicles.policy.values[place]! : -1;
      // A vehicle whose own policy is missing is REF_POLICY_VEHICLE_POLICY_MISSING's to report.
      const wrongLevel = line !== (c.policy_vehicle_id === null) || (placePolicy >= 0 && policy >= 0 && placePolicy !== policy);
      const wrongLine = (lob === LOB_CODE.commercial && PERSONAL_ONLY.has(code)) || (lob === LOB_CODE.personal && COMMERCIAL_ONLY.has(code));
      if (wrongLevel || wrongLine) report.fail("DOMAIN_COVERAGE_CODE", coverageExample(position, c, { policy_id: c.policy_id, policy_vehicle_id: c.policy_vehicle_id }));
    }

    // Once per policy (line) or per vehicle on it.
    if (line && policy >= 0) {
      const seen = policies.lineCoverages.values;
      if (seen[policy]! & LINE_BITS[code]!) report.fail("UNIQUE_COVERAGE", coverageExample(position, c, { policy_id: c.policy_id }));
      seen[policy]! |= LINE_BITS[code]!;
    } else if (!line && place >= 0) {
      const seen = policyVehicles.coverages.values;
      if (seen[place]! & VEHICLE_BITS[code]!) report.fail("UNIQUE_COVERAGE", coverageExample(position, c, { policy_vehicle_id: c.policy_vehicle_id }));
      seen[place]! |= VEHICLE_BITS[code]!;
    }

    if (!LIMIT_FIELDS.every((field) => fieldOk(invalid, field))) return;
    if (policy >= 0) recordLiabilityLimit(policies, policy, code, c);
    const shape = code === "UM" ? (lob === LOB_CODE.commercial ? "a" : lob === LOB_CODE.personal ? "pa" : null) : SHAPES[code]!;
    if (shape !== null) {
      // PIP without a per-person limit is unlimited benefits (Michigan); every other limit its code has is set.
      const filled = SHAPE_LETTERS.some((letter, k) => shape.includes(letter) !== (c[LIMIT_FIELDS[k]!] !== null) && !(code === "PIP" && letter === "p"));
      const inverted = (shape.includes("p") && shape.includes("a") && (c.limit_per_person as number) > (c.limit_per_accident as number)) || (shape === "ad" && (c.limit_per_day as number) > (c.limit_per_accident as number));
      if (filled || inverted) {
        report.fail("DOMAIN_COVERAGE_LIMITS", coverageExample(position, c, limitsOf(c)));
        return;
      }
    }
    const min = policy >= 0 && line ? minimumOf(policies, policy) : null;
    const short = min && shortfall(code, c, min, (policies.flags.values[policy]! & VEHICLE_FLAGS.interstate) !== 0);
    if (short) report.fail("DOMAIN_COVERAGE_STATE_MINIMUM", coverageExample(position, c, { policy_id: c.policy_id, state: min!.state, minimum: short, citation: min!.citation, ...limitsOf(c) }));
  };
}

/** The rules that need all of a policy's coverages: what its state requires, PIP where it is the law, physical damage a lender needs, and the premium. */
export function checkCoverageTotals(policies: PolicyIndex, policyVehicles: PolicyVehicleIndex, report: { policies: FailureSink; policyVehicles: FailureSink }): void {
  const lines = policies.lineCoverages.values;
  for (let p = 0; p < policies.size; p++) {
    const record = policies.position.values[p]!;
    checkDeclared(report.policies, "DOMAIN_COVERAGE_PREMIUM", record, ["written_premium", policies.declaredPremium.values[p]!], ["coverage_premiums", policies.coveragePremium.values[p]!], 100);
    const lob = policies.lob.values[p]!;
    const min = minimumOf(policies, p);
    if (min === null || lob === 255) continue;
    const has = lines[p]!;
    const missing: string[] = [];
    if (lob === LOB_CODE.commercial) {
      if (!(has & LINE_BITS.CSL!)) missing.push("CSL");
    } else {
      if (!(has & LINE_BITS.PD!)) missing.push("PD");
      if (min.biPerPerson > 0 && !(has & LINE_BITS.BI!)) missing.push("BI");
    }
    const liability = lob === LOB_CODE.commercial || (has & LINE_BITS.BI!) !== 0;
    if (min.umPerPerson > 0 && liability && !(has & LINE_BITS.UM!)) missing.push("UM");
    if (min.medpay > 0 && !(has & LINE_BITS.MEDPAY!)) missing.push("MEDPAY");
    if (missing.length > 0) report.policies.fail("DOMAIN_COVERAGE_REQUIRED", { record, state: min.state, missing: missing.join(", "), citation: min.citation });
    const pip = (has & LINE_BITS.PIP!) !== 0;
    if ((min.pip === "required" && !pip) || (min.pip === "none" && pip)) {
      report.policies.fail("DOMAIN_COVERAGE_PIP_STATE", { record, state: min.state, pip: min.pip, has_pip: pip, citation: min.citation });
    }
  }
  const own = policyVehicles.coverages.values;
  for (let v = 0; v < policyVehicles.size; v++) {
    const has = own[v]!;
    const financed = (policyVehicles.flags.values[v]! & VEHICLE_FLAGS.financed) !== 0;
    const lenderShort = financed && (has & (VEHICLE_BITS.COMP! | VEHICLE_BITS.COLL!)) !== (VEHICLE_BITS.COMP! | VEHICLE_BITS.COLL!);
    const orphanAddOn = (has & VEHICLE_BITS.RENTAL! && !(has & VEHICLE_BITS.COLL!)) || (has & VEHICLE_BITS.TOWING! && !(has & VEHICLE_BITS.COMP!));
    if (lenderShort || orphanAddOn) {
      const codes = Object.keys(VEHICLE_BITS).filter((code) => has & VEHICLE_BITS[code]!);
      report.policyVehicles.fail("DOMAIN_COVERAGE_PHYSICAL_DAMAGE", { record: policyVehicles.position.values[v]!, financed_or_leased: financed, coverages: codes.join(", ") || "none" });
    }
  }
}
