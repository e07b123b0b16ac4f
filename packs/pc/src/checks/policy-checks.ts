import { addMonthsToDay, epochDayOf } from "@sdh/rules";
import { RENEWAL_WINDOW_DAYS } from "../generator/index.js";
import type { Checked, FailureSink } from "@sdh/validation";
import { checkDeclared } from "./declared-totals.js";
import { fieldOk } from "@sdh/validation";
import { stateCode } from "./household-index.js";
import { LOB_CODE, ROLE_CODE, type ChecksContext } from "./person-index.js";
import { UNKNOWN_DAY, type PolicyIndex } from "./policy-index.js";


const PREFIX = { personal: "PAP", commercial: "BAP" } as const;
/** Six-month terms are paid in full or monthly; two_pay and quarterly need an annual term. */
const SIX_MONTH_PLANS = new Set(["paid_in_full", "monthly"]);

function policyExample(position: number, p: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, policy_id: p.policy_id, ...fields };
}

const DATE_FIELDS = ["effective_date", "expiration_date", "original_inception_date", "term_months", "term_number", "lob_type", "payment_plan"] as const;
const STATUS_FIELDS = ["effective_date", "expiration_date", "status", "cancellation_date", "cancellation_reason", "payment_plan"] as const;

/** The policy rules beyond the declaration's (schema, policy_id unique, household and named insured exist). */
export function createPolicyChecks({ asOf, report, index, households, policies, keys }: ChecksContext) {
  const asOfDay = epochDayOf(asOf);
  const { UNIQUE_POLICY_NUMBER: numbers } = keys;

  /** Dates of the term, and the payment plan that fits it. */
  const checkTerm = (p: Record<string, unknown>, position: number, effective: number, expiration: number): void => {
    const months = p.term_months as number;
    const inception = epochDayOf(p.original_inception_date as string);
    const first = (p.term_number as number) === 1;
    const wrong =
      expiration !== addMonthsToDay(effective, months) ||
      (p.lob_type === "commercial" && months !== 12) ||
      effective > asOfDay ||
      (first ? inception !== effective : inception >= effective) ||
      (months === 6 && !SIX_MONTH_PLANS.has(p.payment_plan as string));
    if (wrong) {
      report.fail("DOMAIN_POLICY_TERM", policyExample(position, p, { term_months: months, term_number: p.term_number, original_inception_date: p.original_inception_date, effective_date: p.effective_date, expiration_date: p.expiration_date, payment_plan: p.payment_plan, asOf }));
    }
  };

  /** The status the dates imply at asOf, and a cancellation's date and reason. */
  const checkStatus = (p: Record<string, unknown>, position: number, effective: number, expiration: number): void => {
    const status = p.status;
    const cancelled = status === "cancelled";
    let wrong = cancelled !== (p.cancellation_date !== null) || cancelled !== (p.cancellation_reason !== null);
    if (!wrong && cancelled) {
      const day = epochDayOf(p.cancellation_date as string);
      wrong = day <= effective || day > asOfDay || day >= expiration || (p.cancellation_reason === "nonpayment" && p.payment_plan === "paid_in_full");
    } else if (!wrong) {
      const inForce = effective <= asOfDay && asOfDay < expiration;
      wrong =
        status === "expired" ? expiration > asOfDay
        : status === "pending_renewal" ? !inForce || expiration - asOfDay > RENEWAL_WINDOW_DAYS
        : !inForce || expiration - asOfDay <= RENEWAL_WINDOW_DAYS;
    }
    if (wrong) {
      report.fail("DOMAIN_POLICY_STATUS", policyExample(position, p, { status, effective_date: p.effective_date, expiration_date: p.expiration_date, cancellation_date: p.cancellation_date, cancellation_reason: p.cancellation_reason, payment_plan: p.payment_plan, asOf }));
    }
  };

  return function checkPolicy(p: Record<string, unknown>, position: number, { invalid, ordinal, refs }: Checked): void {
    const household = refs[0]!;
    const insured = refs[1]!;
    const datesOk = fieldOk(invalid, "effective_date") && fieldOk(invalid, "expiration_date");
    const effective = datesOk ? epochDayOf(p.effective_date as string) : UNKNOWN_DAY;
    const expiration = datesOk ? epochDayOf(p.expiration_date as string) : UNKNOWN_DAY;
    if (ordinal >= 0) register(policies, ordinal, position, household, p, invalid, effective, expiration);

    if (fieldOk(invalid, "policy_number") && numbers.add(p.policy_number as string) < 0) report.fail("UNIQUE_POLICY_NUMBER", policyExample(position, p, { policy_number: p.policy_number }));
    if (fieldOk(invalid, "policy_number") && fieldOk(invalid, "lob_type") && fieldOk(invalid, "state")) {
      const number = p.policy_number as string;
      if (number.slice(0, 3) !== PREFIX[p.lob_type as keyof typeof PREFIX] || number.slice(4, 6) !== p.state) {
        report.fail("DOMAIN_POLICY_NUMBER", policyExample(position, p, { policy_number: number, lob_type: p.lob_type, state: p.state }));
      }
    }
    if (household >= 0 && fieldOk(invalid, "state") && fieldOk(invalid, "lob_type")) {
      const householdState = households.state.values[household]!;
      const householdLob = households.lob.values[household]!;
      if ((householdState !== 255 && householdState !== stateCode(p.state)) || (householdLob !== 255 && householdLob !== LOB_CODE[p.lob_type as keyof typeof LOB_CODE])) {
        report.fail("DOMAIN_POLICY_HOUSEHOLD", policyExample(position, p, { household_id: p.household_id, state: p.state, lob_type: p.lob_type }));
      }
    }
    if (insured >= 0) {
      // A policy or person without a household is the reference rules' to report.
      const personHousehold = index.household[insured]!;
      const headOfHousehold = household < 0 || personHousehold < 0 || (personHousehold === household && index.role[insured] === ROLE_CODE.head);
      const adult = index.adultDay[insured]!;
      if (!headOfHousehold || (effective !== UNKNOWN_DAY && adult !== UNKNOWN_DAY && effective < adult)) {
        report.fail("DOMAIN_POLICY_NAMED_INSURED", policyExample(position, p, { household_id: p.household_id, named_insured_id: p.named_insured_id, effective_date: p.effective_date }));
      }
    }
    if (datesOk && DATE_FIELDS.every((f) => fieldOk(invalid, f))) checkTerm(p, position, effective, expiration);
    if (datesOk && STATUS_FIELDS.every((f) => fieldOk(invalid, f))) checkStatus(p, position, effective, expiration);
    if (fieldOk(invalid, "channel") && fieldOk(invalid, "agency_code") && fieldOk(invalid, "state")) {
      const agency = p.agency_code as string | null;
      if ((p.channel === "direct") !== (agency === null) || (agency !== null && agency.slice(0, 2) !== p.state)) {
        report.fail("DOMAIN_POLICY_AGENCY", policyExample(position, p, { channel: p.channel, agency_code: agency, state: p.state }));
      }
    }
  };
}

/** Records what the driver, policy-vehicle and whole-snapshot rules need of the policy at `ordinal`. */
function register(policies: PolicyIndex, ordinal: number, position: number, household: number, p: Record<string, unknown>, invalid: readonly string[], effective: number, expiration: number): void {
  policies.size = Math.max(policies.size, ordinal + 1);
  policies.household.at(ordinal)[ordinal] = household;
  policies.position.at(ordinal)[ordinal] = position;
  policies.start.at(ordinal)[ordinal] = effective;
  const cancelled = fieldOk(invalid, "cancellation_date") && typeof p.cancellation_date === "string";
  policies.end.at(ordinal)[ordinal] = cancelled ? epochDayOf(p.cancellation_date as string) : expiration;
  policies.lob.at(ordinal)[ordinal] = p.lob_type === "personal" || p.lob_type === "commercial" ? LOB_CODE[p.lob_type] : 255;
  policies.declaredVehicles.at(ordinal)[ordinal] = fieldOk(invalid, "vehicle_count") ? (p.vehicle_count as number) : -1;
  policies.declaredDrivers.at(ordinal)[ordinal] = fieldOk(invalid, "driver_count") ? (p.driver_count as number) : -1;
  policies.declaredPremium.at(ordinal)[ordinal] = fieldOk(invalid, "written_premium") ? Math.round((p.written_premium as number) * 100) : -1;
  // Grown here, once per policy, so the driver and vehicle checks can count into `.values` directly.
  policies.vehicles.at(ordinal);
  policies.drivers.at(ordinal);
  policies.premium.at(ordinal);
  policies.state.at(ordinal)[ordinal] = fieldOk(invalid, "state") ? stateCode(p.state) : 255;
  policies.flags.at(ordinal);
  policies.lineCoverages.at(ordinal);
  policies.coveragePremium.at(ordinal);
  const number = fieldOk(invalid, "policy_number") ? Number((p.policy_number as string).slice(-9)) : 0;
  policies.numberDigits.at(ordinal)[ordinal] = Number.isInteger(number) ? number : 0;
  policies.biLimit.at(ordinal);
  policies.pdLimit.at(ordinal);
}

/** The rules that need every driver and vehicle of a policy: its counts and its premium. */
export function checkPolicyTotals(policies: PolicyIndex, report: FailureSink): void {
  const position = policies.position.values;
  const declaredVehicles = policies.declaredVehicles.values;
  const declaredDrivers = policies.declaredDrivers.values;
  const declaredPremium = policies.declaredPremium.values;
  const vehicles = policies.vehicles.values;
  const drivers = policies.drivers.values;
  const premium = policies.premium.values;
  for (let p = 0; p < policies.size; p++) {
    const record = position[p]!;
    checkDeclared(report, "REF_POLICY_VEHICLE_COUNT", record, ["vehicle_count", declaredVehicles[p]!], ["policy_vehicles", vehicles[p]!]);
    checkDeclared(report, "REF_POLICY_DRIVER_COUNT", record, ["driver_count", declaredDrivers[p]!], ["drivers", drivers[p]!]);
    checkDeclared(report, "DOMAIN_POLICY_PREMIUM", record, ["written_premium", declaredPremium[p]!], ["vehicle_premiums", premium[p]!], 100);
  }
}
