import { epochDayOf } from "@sdh/rules";
import type { Checked, FailureSink } from "@sdh/validation";
import { fieldOk } from "@sdh/validation";
import { checkDeclared } from "./declared-totals.js";
import type { ChecksContext } from "./person-index.js";
import { CLAIM_COVERAGE_CODE, UNKNOWN_DAY, VEHICLE_COVERAGE_CODES, type BookIndex } from "./policy-index.js";

function claimExample(position: number, c: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, claim_id: c.claim_id, ...fields };
}

/** The loss types each coverage pays: liability others' injuries or property, UM, PIP and MedPay the insured's injuries, physical damage the insured vehicle. */
const LOSS_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  BI: new Set(["bodily_injury"]),
  PD: new Set(["property_damage"]),
  CSL: new Set(["bodily_injury", "property_damage"]),
  UM: new Set(["insured_injury"]),
  PIP: new Set(["insured_injury"]),
  MEDPAY: new Set(["insured_injury"]),
  COLL: new Set(["collision"]),
  COMP: new Set(["comprehensive"]),
  RENTAL: new Set(["rental"]),
  TOWING: new Set(["towing"]),
};
/** Perils other than collision; a breakdown; every other cause is a crash. */
const COMPREHENSIVE_CAUSES = new Set(["glass", "theft", "animal", "weather", "vandalism", "fire"]);
const DISABLEMENT = "disablement";
/** The causes each loss type may have: a rental follows a collision or comprehensive loss; a tow a breakdown. */
function causeFits(type: string, cause: string): boolean {
  if (type === "towing") return cause === DISABLEMENT;
  if (cause === DISABLEMENT) return false;
  if (type === "rental") return true;
  return (type === "comprehensive") === COMPREHENSIVE_CAUSES.has(cause);
}
/** Losses with nobody driving: a comprehensive loss (a parked or unattended vehicle) and a tow. */
const NO_DRIVER_TYPES = new Set(["comprehensive", "towing"]);
const DATE_FIELDS = ["loss_date", "reported_date", "closed_date", "status"] as const;
const AMOUNT_FIELDS = ["status", "reserve_amount", "paid_amount", "coverage_code", "loss_type"] as const;

/** The claim rules beyond the declaration's (schema, claim_id unique, policy, coverage, vehicle and driver exist). */
export function createClaimChecks({ asOf, report, policies, drivers, vehicles, policyVehicles, coverages, book, keys }: ChecksContext) {
  const asOfDay = epochDayOf(asOf);
  const { UNIQUE_CLAIM_NUMBER: numbers } = keys;

  return function checkClaim(c: Record<string, unknown>, position: number, { invalid, refs }: Checked): void {
    const policy = refs[0]!;
    const coverage = refs[1]!;
    const vehicle = refs[2]!;
    const driver = refs[3]!;
    if (driver >= 0) {
      const person = drivers.person.values[driver]!;
      if (person >= 0) book.claims.at(person)[person]!++;
    }
    const lossOk = fieldOk(invalid, "loss_date");
    const loss = lossOk ? epochDayOf(c.loss_date as string) : UNKNOWN_DAY;

    if (fieldOk(invalid, "claim_number")) {
      const number = c.claim_number as string;
      if (numbers.add(number) < 0) report.fail("UNIQUE_CLAIM_NUMBER", claimExample(position, c, { claim_number: number }));
      const digits = policy >= 0 ? policies.numberDigits.values[policy]! : 0;
      if ((lossOk && number.slice(4, 6) !== (c.loss_date as string).slice(2, 4)) || (digits > 0 && Number(number.slice(7, 16)) !== digits)) {
        report.fail("DOMAIN_CLAIM_NUMBER", claimExample(position, c, { claim_number: number, loss_date: c.loss_date, policy_id: c.policy_id }));
      }
    }

    // When: inside the policy's term and not after asOf; reported, then closed, in order.
    if (DATE_FIELDS.every((f) => fieldOk(invalid, f))) {
      const start = policy >= 0 ? policies.start.values[policy]! : UNKNOWN_DAY;
      const end = policy >= 0 ? policies.end.values[policy]! : UNKNOWN_DAY;
      const reported = epochDayOf(c.reported_date as string);
      const closed = c.closed_date === null ? null : epochDayOf(c.closed_date as string);
      const outsideTerm = start !== UNKNOWN_DAY && end !== UNKNOWN_DAY && (loss < start || loss >= end);
      const wrong = outsideTerm || loss > asOfDay || reported < loss || reported > asOfDay || (c.status === "open") !== (closed === null) || (closed !== null && (closed < reported || closed > asOfDay));
      if (wrong) report.fail("DOMAIN_CLAIM_DATES", claimExample(position, c, { policy_id: c.policy_id, loss_date: c.loss_date, reported_date: c.reported_date, status: c.status, closed_date: c.closed_date, asOf }));
    }

    // Under what: a coverage of this policy (a vehicle's own on this vehicle) with the claim's code, paying its kind of loss.
    if (fieldOk(invalid, "coverage_code") && fieldOk(invalid, "loss_type") && fieldOk(invalid, "loss_cause")) {
      const code = c.coverage_code as string;
      let wrong = !LOSS_TYPES[code]!.has(c.loss_type as string) || !causeFits(c.loss_type as string, c.loss_cause as string);
      if (coverage >= 0) {
        const held = coverages.code.values[coverage]!;
        const owner = coverages.owner.values[coverage]!;
        if (held !== CLAIM_COVERAGE_CODE[code]) wrong = true;
        else if (owner >= 0 && policy >= 0) {
          wrong ||= VEHICLE_COVERAGE_CODES.has(held) ? policyVehicles.policy.values[owner] !== policy || (vehicle >= 0 && policyVehicles.vehicle.values[owner] !== vehicle) : owner !== policy;
        }
      }
      if (wrong) report.fail("DOMAIN_CLAIM_COVERAGE", claimExample(position, c, { policy_id: c.policy_id, coverage_id: c.coverage_id, vehicle_id: c.vehicle_id, coverage_code: code, loss_type: c.loss_type, loss_cause: c.loss_cause }));
    }

    // The vehicle is the policy's household's (a policy covers its household's vehicles).
    if (vehicle >= 0 && policy >= 0) {
      const household = policies.household.values[policy]!;
      const vehicleHousehold = vehicles.household.values[vehicle]!;
      if (household >= 0 && vehicleHousehold >= 0 && (household !== vehicleHousehold || vehicles.insured.values[vehicle] !== 1)) {
        report.fail("DOMAIN_CLAIM_VEHICLE", claimExample(position, c, { policy_id: c.policy_id, vehicle_id: c.vehicle_id }));
      }
    }

    // Who drove: a listed driver of this policy, on it by the loss date; nobody for a comprehensive loss
    // or a tow; a rental claim's is the loss's it follows (nobody after a comprehensive one).
    if (fieldOk(invalid, "loss_type") && fieldOk(invalid, "driver_id")) {
      const nobody = NO_DRIVER_TYPES.has(c.loss_type as string);
      let wrong = c.loss_type !== "rental" && nobody !== (c.driver_id === null);
      if (!wrong && driver >= 0 && policy >= 0) {
        const added = drivers.added.values[driver]!;
        wrong = drivers.policy.values[driver] !== policy || drivers.listed.values[driver] !== 1 || (lossOk && added !== UNKNOWN_DAY && added > loss);
      }
      if (wrong) report.fail("DOMAIN_CLAIM_DRIVER", claimExample(position, c, { policy_id: c.policy_id, driver_id: c.driver_id, loss_type: c.loss_type, loss_date: c.loss_date }));
    }

    // Fault: a liability claim paid or reserved was the insured's fault, a UM claim an uninsured driver's;
    // fault says nothing of a comprehensive loss or a tow; a rental claim's is the loss's it follows.
    if (fieldOk(invalid, "at_fault") && fieldOk(invalid, "loss_type") && fieldOk(invalid, "status") && fieldOk(invalid, "coverage_code")) {
      const type = c.loss_type as string;
      const liability = type === "bodily_injury" || type === "property_damage";
      const wrong =
        (type !== "rental" && NO_DRIVER_TYPES.has(type) !== (c.at_fault === null)) ||
        (liability && c.status !== "closed_without_payment" && c.at_fault !== true) ||
        (c.coverage_code === "UM" && c.at_fault !== false);
      if (wrong) report.fail("DOMAIN_CLAIM_AT_FAULT", claimExample(position, c, { loss_type: type, status: c.status, at_fault: c.at_fault }));
    }

    // Money: a reserve exactly while open, a payment when closed, none when closed without; within the limit.
    if (AMOUNT_FIELDS.every((f) => fieldOk(invalid, f))) {
      const reserve = c.reserve_amount as number;
      const paid = c.paid_amount as number;
      const status = c.status;
      let wrong = status === "open" ? reserve <= 0 : status === "closed" ? reserve !== 0 || paid <= 0 : reserve !== 0 || paid !== 0;
      const limit = policy < 0 ? 0 : c.loss_type === "bodily_injury" ? policies.biLimit.values[policy]! : c.loss_type === "property_damage" ? policies.pdLimit.values[policy]! : 0;
      if (limit > 0 && Math.round((paid + reserve) * 100) > limit * 100) wrong = true;
      if (wrong) report.fail("DOMAIN_CLAIM_AMOUNTS", claimExample(position, c, { status, reserve_amount: reserve, paid_amount: paid, coverage_code: c.coverage_code, ...(limit > 0 ? { limit } : {}) }));
    }
  };
}

/** The rules that need every driver and claim of a person: what their profile says of their book. */
export function checkProfileBooks(book: BookIndex, report: FailureSink): void {
  const profile = book.profile.values;
  const declaredPolicies = book.declaredPolicies.values;
  const declaredClaims = book.declaredClaims.values;
  // Drivers and claims grew these past the last profile only when a person has no profile: nothing to compare then.
  const policies = book.policies.at(book.size);
  const claims = book.claims.at(book.size);
  for (let p = 0; p < book.size; p++) {
    const record = profile[p]!;
    if (record === 0) continue;
    checkDeclared(report, "REF_PROFILE_POLICY_COUNT", record, ["policy_count", declaredPolicies[p]!], ["drivers", policies[p]!]);
    checkDeclared(report, "REF_PROFILE_CLAIMS_COUNT", record, ["claims_count", declaredClaims[p]!], ["claims", claims[p]!]);
  }
}
