import { epochDayOf } from "@sdh/rules";
import type { Checked } from "@sdh/validation";
import { fieldOk } from "@sdh/validation";
import { LOB_CODE, ROLE_CODE, type ChecksContext } from "./person-index.js";
import { UNKNOWN_DAY } from "./policy-index.js";

function driverExample(position: number, d: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, driver_id: d.driver_id, ...fields };
}

/** The relationship each household role may have to the named insured. */
const RELATIONSHIPS: Record<number, ReadonlySet<string>> = {
  [ROLE_CODE.head]: new Set(["named_insured", "employee"]),
  [ROLE_CODE.spouse]: new Set(["spouse"]),
  [ROLE_CODE.child]: new Set(["child"]),
};

/** The driver rules beyond the declaration's (schema, driver_id unique, policy and person exist). */
export function createDriverChecks({ report, index, policies, drivers, book }: ChecksContext) {
  return function checkDriver(d: Record<string, unknown>, position: number, { invalid, ordinal, refs }: Checked): void {
    const policy = refs[0]!;
    const person = refs[1]!;
    if (ordinal >= 0) {
      drivers.policy.at(ordinal)[ordinal] = policy;
      drivers.listed.at(ordinal)[ordinal] = d.status === "listed" ? 1 : 0;
      drivers.person.at(ordinal)[ordinal] = person;
      drivers.added.at(ordinal)[ordinal] = fieldOk(invalid, "added_date") ? epochDayOf(d.added_date as string) : UNKNOWN_DAY;
    }
    if (person >= 0) book.policies.at(person)[person]!++;
    if (policy >= 0) policies.drivers.values[policy]!++;
    if (person >= 0) {
      if (index.onPolicy[person] === 1) report.fail("UNIQUE_POLICY_DRIVER", driverExample(position, d, { person_id: d.person_id }));
      index.onPolicy[person] = 1;
    }
    if (policy < 0 || person < 0) return;

    const household = policies.household.values[policy]!;
    // A person or policy without a household is the reference rules' to report.
    if (household >= 0 && index.household[person]! >= 0 && index.household[person] !== household) {
      report.fail("DOMAIN_DRIVER_HOUSEHOLD", driverExample(position, d, { policy_id: d.policy_id, person_id: d.person_id }));
      return; // their role in another household says nothing of this policy
    }
    const role = index.role[person]!;
    const commercial = policies.lob.values[policy] === LOB_CODE.commercial;
    if (fieldOk(invalid, "relationship") && role !== 255) {
      const relationship = d.relationship as string;
      const fits = RELATIONSHIPS[role]!.has(relationship) && (relationship !== "employee" || commercial);
      if (!fits) report.fail("DOMAIN_DRIVER_RELATIONSHIP", driverExample(position, d, { person_id: d.person_id, relationship, commercial }));
    }
    if (fieldOk(invalid, "status") && fieldOk(invalid, "license_status") && fieldOk(invalid, "relationship")) {
      const excluded = d.status === "excluded";
      if ((excluded && d.relationship === "named_insured") || (!excluded && d.license_status === "suspended")) {
        report.fail("DOMAIN_DRIVER_EXCLUDED", driverExample(position, d, { relationship: d.relationship, status: d.status, license_status: d.license_status }));
      }
    }
    if (fieldOk(invalid, "added_date")) {
      const added = epochDayOf(d.added_date as string);
      const start = policies.start.values[policy]!;
      const end = policies.end.values[policy]!;
      const licensed = index.licenceDay[person]!;
      const outsideTerm = start !== UNKNOWN_DAY && end !== UNKNOWN_DAY && (added < start || added >= end);
      if (outsideTerm || (licensed !== UNKNOWN_DAY && added < licensed)) {
        report.fail("DOMAIN_DRIVER_LICENSE_DATE", driverExample(position, d, { added_date: d.added_date, person_id: d.person_id }));
      }
    }
  };
}
