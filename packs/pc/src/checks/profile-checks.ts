import type { Checked } from "@sdh/validation";
import { fnv1a, FNV_OFFSET } from "./fnv.js";
import { fieldOk } from "@sdh/validation";
import { ROLE_CODE, type ChecksContext } from "./person-index.js";

/** Examples are built only when a rule fails: the clean path allocates nothing per record. */
function profileExample(position: number, p: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, profile_id: p.profile_id, person_id: p.person_id, ...fields };
}

/**
 * The profile rules beyond the declaration's (schema, profile_id unique, person_id names a person,
 * one profile per person): what a profile says of its person's vehicles and line of business (and, at
 * the end, of their policies and claims: checkProfileBooks).
 */
export function createProfileChecks({ report, index, book }: ChecksContext) {
  return function checkProfile(p: Record<string, unknown>, position: number, { invalid, refs }: Checked): void {
    // refs[0] is person_id's: -1 when the person is missing or already has a profile (the engine reported either).
    const person = refs[0]!;
    if (person < 0) return;
    // What the profile says of the person's book, compared with their drivers and claims at the end.
    book.size = Math.max(book.size, person + 1);
    book.profile.at(person)[person] = position;
    book.declaredPolicies.at(person)[person] = fieldOk(invalid, "policy_count") ? Math.min(p.policy_count as number, 32767) : -1;
    book.declaredClaims.at(person)[person] = fieldOk(invalid, "claims_count") ? Math.min(p.claims_count as number, 32767) : -1;

    const vehicles = index.vehicleCount[person]!;
    if (fieldOk(invalid, "vehicle_count") && p.vehicle_count !== vehicles) report.fail("REF_PROFILE_VEHICLE_COUNT", profileExample(position, p, { vehicle_count: p.vehicle_count, vehicles }));
    if (fieldOk(invalid, "vehicle_summary") && fnv1a(FNV_OFFSET, (p.vehicle_summary ?? "") as string) !== index.summaryHash[person]) {
      report.fail("REF_PROFILE_VEHICLE_SUMMARY", profileExample(position, p, { vehicle_summary: p.vehicle_summary }));
    }
    if (fieldOk(invalid, "primary_vehicle_id")) {
      const primary = p.primary_vehicle_id as string | null;
      const agrees = primary === null ? vehicles === 0 : vehicles > 0 && fnv1a(FNV_OFFSET, primary) === index.primaryIdHash[person];
      if (!agrees) report.fail("REF_PROFILE_PRIMARY_VEHICLE", profileExample(position, p, { primary_vehicle_id: primary }));
    }
    const role = index.role[person]!;
    if (fieldOk(invalid, "household_role") && role !== 255 && ROLE_CODE[p.household_role as keyof typeof ROLE_CODE] !== role) {
      report.fail("REF_PROFILE_HOUSEHOLD_ROLE", profileExample(position, p, { household_role: p.household_role }));
    }
    const personLob = index.lobOf(person);
    if (fieldOk(invalid, "lob_type") && personLob !== null && p.lob_type !== personLob) {
      report.fail("DOMAIN_LOB_MISMATCH", profileExample(position, p, { lob_type: p.lob_type, person_lob_type: personLob }));
    }
  };
}
