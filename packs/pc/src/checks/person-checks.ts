import { epochDayOf, wholeYearsBetweenIso } from "@sdh/rules";
import { MIN_PARENT_AGE_GAP } from "../generator/index.js";
import { minimumLicensingAge } from "../generator/reference/licensing.js";
import type { Checked } from "@sdh/validation";
import { fieldOk, isReservedEmail } from "@sdh/validation";
import { DERIVED_LICENSE_STATES, areaCodeFits, isoPlusYears, licenseFits, placeFits, postalCodeFits } from "./domain-reference.js";
import { addressHash, ADDRESS_FIELDS } from "./household-index.js";
import { LOB_CODE, type ChecksContext } from "./person-index.js";
import { UNKNOWN_DAY } from "./policy-index.js";

/** Examples are built only when a rule fails: the clean path allocates nothing per record. */
function personExample(position: number, p: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, person_id: p.person_id, ...fields };
}

/** The person rules beyond the declaration's (schema, person_id unique, email and phone field rules: see PC_PACK_SPEC). */
export function createPersonChecks({ asOf, report, index, households, keys }: ChecksContext) {
  const { UNIQUE_LICENSE: licenses, UNIQUE_LICENSE_DERIVED: derivedLicenses, UNIQUE_EMAIL: emails } = keys;
  // A person born on or before this day is at least 16 at asOf (ISO dates compare as strings).
  const latestBirthOf16 = isoPlusYears(asOf, -16);
  // Born after this day: under 18 at asOf.
  const latestBirthOf18 = isoPlusYears(asOf, -18);

  /** A person shares the household's address and line; a child is young enough to be the head's; a household has one head. */
  const checkAgainstHousehold = (p: Record<string, unknown>, position: number, invalid: readonly string[], household: number): void => {
    households.members.values[household]!++;
    if (fieldOk(invalid, "household_role")) {
      // Ages only matter for a head and a child: worked out for them alone (a spouse needs none).
      const role = p.household_role;
      const age = role !== "spouse" && fieldOk(invalid, "date_of_birth") ? wholeYearsBetweenIso(p.date_of_birth as string, asOf) : -1;
      if (role === "head") {
        households.heads.values[household]!++;
        if (age >= 0) households.headAge.values[household] = Math.min(age, 254);
      } else if (role === "child" && age >= 0) {
        const headAge = households.headAge.values[household]!;
        if (headAge !== 255 && headAge - age < MIN_PARENT_AGE_GAP) {
          report.fail("DOMAIN_HOUSEHOLD_CHILD_AGE", personExample(position, p, { household_id: p.household_id, age, head_age: headAge }));
        }
      }
    }
    const address = households.address.values[household]!;
    if (address !== 0 && (invalid.length === 0 || ADDRESS_FIELDS.every((f) => fieldOk(invalid, f))) && addressHash(p) !== address) {
      report.fail("DOMAIN_HOUSEHOLD_ADDRESS", personExample(position, p, { household_id: p.household_id, street: p.street, city: p.city, postal_code: p.postal_code }));
    }
    const lob = households.lob.values[household]!;
    if (lob !== 255 && fieldOk(invalid, "lob_type") && LOB_CODE[p.lob_type as keyof typeof LOB_CODE] !== lob) {
      report.fail("DOMAIN_LOB_MISMATCH", personExample(position, p, { household_id: p.household_id, lob_type: p.lob_type }));
    }
  };

  return function checkPerson(p: Record<string, unknown>, position: number, { invalid, ordinal, refs }: Checked): void {
    // Under 18 but old enough to drive (younger is DOMAIN_DRIVER_TOO_YOUNG's to report).
    const minor = fieldOk(invalid, "date_of_birth") && (p.date_of_birth as string) > latestBirthOf18 && (p.date_of_birth as string) <= latestBirthOf16;
    // refs[0]: the household's ordinal (REF_PERSON_HOUSEHOLD_MISSING is the engine's).
    const household = refs[0]!;
    if (ordinal >= 0) {
      const adultDay = fieldOk(invalid, "date_of_birth") ? epochDayOf(isoPlusYears(p.date_of_birth as string, 18)) : UNKNOWN_DAY;
      const licenceDay = fieldOk(invalid, "license_issue_date") ? epochDayOf(p.license_issue_date as string) : UNKNOWN_DAY;
      index.add(ordinal, p.lob_type, minor, household, fieldOk(invalid, "household_role") ? p.household_role : null, adultDay, licenceDay);
    }
    if (household >= 0) checkAgainstHousehold(p, position, invalid, household);
    if (minor && fieldOk(invalid, "marital_status") && p.marital_status !== "single") {
      report.fail("DOMAIN_MINOR_MARRIED", personExample(position, p, { date_of_birth: p.date_of_birth, marital_status: p.marital_status, asOf }));
    }
    if (fieldOk(invalid, "email") && emails.add(p.email as string) < 0) report.fail("UNIQUE_EMAIL", personExample(position, p, { email: p.email }));
    if (fieldOk(invalid, "license_number") && fieldOk(invalid, "license_state")) {
      const license = p.license_number as string;
      const state = p.license_state as string;
      const derived = DERIVED_LICENSE_STATES.has(state);
      if ((derived ? derivedLicenses : licenses).add(`${state}${license}`) < 0) {
        report.fail(derived ? "UNIQUE_LICENSE_DERIVED" : "UNIQUE_LICENSE", personExample(position, p, { license_state: state, license_number: license }));
      }
      if (!licenseFits(license, state)) report.fail("DOMAIN_LICENSE_FORMAT", personExample(position, p, { license_state: state, license_number: license }));
    }
    if (fieldOk(invalid, "date_of_birth")) {
      const birth = p.date_of_birth as string;
      if (birth > latestBirthOf16) {
        report.fail("DOMAIN_DRIVER_TOO_YOUNG", personExample(position, p, { date_of_birth: birth, asOf }));
      } else if (fieldOk(invalid, "license_issue_date")) {
        // Checked only for persons old enough to drive: for the others DRIVER_TOO_YOUNG says it all.
        // No earlier than the licensing state's minimum age (17 in New Jersey), when the state is readable.
        const issued = p.license_issue_date as string;
        const minimumAge = fieldOk(invalid, "license_state") ? minimumLicensingAge(p.license_state as string) : 16;
        if (issued < isoPlusYears(birth, minimumAge) || issued > asOf) {
          report.fail("DOMAIN_LICENSE_DATE", personExample(position, p, { date_of_birth: birth, license_state: p.license_state, license_issue_date: issued, asOf }));
        }
      }
    }
    if (fieldOk(invalid, "postal_code") && fieldOk(invalid, "state") && !postalCodeFits(p.postal_code as string, p.state as string)) {
      report.fail("DOMAIN_POSTAL_CODE_STATE", personExample(position, p, { state: p.state, postal_code: p.postal_code }));
    }
    if (fieldOk(invalid, "postal_code") && fieldOk(invalid, "city") && fieldOk(invalid, "county") && !placeFits(p.postal_code as string, p.city as string, p.county as string)) {
      report.fail("DOMAIN_POSTAL_CODE_CITY", personExample(position, p, { postal_code: p.postal_code, city: p.city, county: p.county }));
    }
    if (fieldOk(invalid, "postal_code") && fieldOk(invalid, "phone") && !areaCodeFits(p.phone as string, p.postal_code as string)) {
      report.fail("DOMAIN_PHONE_AREA_CODE", personExample(position, p, { postal_code: p.postal_code, phone: p.phone }));
    }
    if (["lob_type", "business_name", "fleet_role", "naics_code", "usdot_number", "cdl_class"].every((f) => fieldOk(invalid, f))) {
      const commercial = p.lob_type === "commercial";
      const personalHasBusiness = !commercial && (p.usdot_number !== null || p.cdl_class !== null);
      if (commercial !== (p.business_name !== null) || commercial !== (p.fleet_role !== null) || commercial !== (p.naics_code !== null) || personalHasBusiness) {
        report.fail("DOMAIN_LOB_FIELDS", personExample(position, p, { lob_type: p.lob_type, business_name: p.business_name, fleet_role: p.fleet_role, naics_code: p.naics_code, usdot_number: p.usdot_number, cdl_class: p.cdl_class }));
      }
    }
    if (fieldOk(invalid, "email") && !isReservedEmail(p.email as string)) report.fail("PRIVACY_EMAIL_DOMAIN", personExample(position, p, { email: p.email }));
  };
}
