import { pcSettings } from "../settings.js";
import type { SnapshotConfig } from "@sdh/schemas";
import type { Gender, Person } from "../schemas/index.js";
import { businessName } from "./business-names.js";
import { ACCENTED_SHARE, createPermutation, createRecordStreams, fictionalPhone, toEpochDay, formatEpochDay, givenNamesFor, HYPHENATED_SHARE, intBetween, parseIsoDate, pickIndex, pickWeighted, type Random, reservedEmail, residentialPlace, streetNumberAndName, streetSuffix, SUFFIXES, SURNAMES, unitLine, uuidFrom, weighted } from "@sdh/rules";
import { createLifeDates } from "./life-dates.js";
import { createLicenceIssuer } from "./licence-issuer.js";
import { createPersonSlots, type PersonSlots } from "./person-slots.js";
import { createBigFleets, type BigFleets } from "./big-fleets.js";
import { FLEET_HOLDER_ROLES, SMALL_FLEET_ARCHETYPES, driverShareWithoutBigFleet } from "./reference/fleet-sizes.js";
import { COMMERCIAL_AGE_BANDS, DRIVER_AGE_BANDS, GENDERS, maritalTableFor } from "./reference/distributions.js";
import { STATES } from "./reference/states.js";

const STATE_TABLE = weighted(STATES.map((s) => [s, s.population] as const));
/** Share of persons living in another state than the one that licensed them (recent movers; a rule). */
const MOVED_SHARE = 0.03;
/** Share of persons living in an apartment or unit (ACS: about a third of households rent, most in multi-unit buildings; a rule). */
const UNIT_SHARE = 0.18;
/** Smallest USDOT space drawn from: numbers look like today's (up to 7 digits) for snapshots up to 4M persons. */
const USDOT_SPACE = 4_000_000;

export interface PersonRule {
  /** The head of household `i` (its policyholder; a commercial account's only person): a pure function of (seed, i, config). */
  person(i: number, householdId: string): Person;
}

/** `slots` and `bigFleets` may be shared with the vehicle rule (createGenerator does), so each is computed once. */
export function createPersonRule(
  config: SnapshotConfig,
  slots: PersonSlots = createPersonSlots(config.records, config.seed),
  bigFleets: BigFleets = createBigFleets(config),
): PersonRule {
  const commercialWithoutBigFleet = bigFleets.share >= 1 ? 0 : Math.max(0, (pcSettings(config).lobMix.commercial - bigFleets.share) / (1 - bigFleets.share));
  const asOf = parseIsoDate(config.asOf);
  const lifeDates = createLifeDates(asOf);
  const streams = createRecordStreams(config.seed, "person");
  const usdotNumbers = createPermutation(Math.max(config.records, USDOT_SPACE), config.seed ^ 0x0d07);
  const issueLicence = createLicenceIssuer(config);

  const suffixFor = (r: Random, sex: "F" | "M", age: number): Person["name_suffix"] => {
    if (sex !== "M") return null;
    let x = r.next();
    for (const [suffix, share] of SUFFIXES) {
      if (x < share) return suffix === "Sr." && age < 40 ? "Jr." : (suffix as Person["name_suffix"]);
      x -= share;
    }
    return null;
  };

  return {
    person(i: number, householdId: string): Person {
      const r = streams.at(i);
      const personSlot = slots.slotOf(i);
      const { slot, state: licenseState } = personSlot;
      // A person who runs a big fleet is one by slot (big-fleets.ts); the others are commercial with
      // the probability that keeps the configured share.
      const bigFleet = bigFleets.ofSlot(slot);
      const commercial = bigFleet !== null || r.next() < commercialWithoutBigFleet;
      const state = r.next() < MOVED_SHARE ? pickWeighted(r, STATE_TABLE) : licenseState;
      const place = residentialPlace(r, state.code);
      const gender: Gender = pickWeighted(r, GENDERS);
      const sex = gender === "X" ? (r.next() < 0.5 ? "F" : "M") : gender;

      const [minAge, maxAge] = pickWeighted(r, commercial ? COMMERCIAL_AGE_BANDS : DRIVER_AGE_BANDS);
      const age = intBetween(r, minAge, maxAge);
      const birth = lifeDates.birthFor(r, age);

      const { names, firstIndex, first_name, middle_name } = givenNamesFor(r, sex, birth.year);
      const marital_status = pickWeighted(r, maritalTableFor(age));
      const surnameIndex = pickIndex(r, SURNAMES);
      const surname = SURNAMES.items[surnameIndex]!;
      const accented = SURNAMES.accented[surnameIndex];
      let last_name = accented && r.next() < ACCENTED_SHARE ? accented : surname;
      // Email parts come with the name tables: an accent leaves a name's part as it was (garcia), a
      // hyphen joins two (smithjones).
      let lastEmailPart = SURNAMES.emailParts[surnameIndex]!;
      if (sex === "F" && marital_status !== "single" && r.next() < HYPHENATED_SHARE) {
        const second = pickIndex(r, SURNAMES);
        last_name = `${last_name}-${SURNAMES.items[second]!}`;
        lastEmailPart += SURNAMES.emailParts[second]!;
      }
      const name_suffix = suffixFor(r, gender === "M" ? "M" : "F", age);

      const licenseDay = lifeDates.heldLicenceDay(r, birth, licenseState.code);
      const overflow = intBetween(r, 0, 99);
      const license_number = issueLicence(personSlot, 0, { lastName: last_name, firstName: first_name, middleName: middle_name, birth, female: gender === "F" }, overflow);

      // The kit's address and contacts (@sdh/rules). The street's suffix is drawn last, below, where
      // generator 0.2 drew it: the records keep their bytes.
      const streetNumberName = streetNumberAndName(r);
      const address_line2 = unitLine(r, UNIT_SHARE);
      // The slot is unique per household (members add records × m), so the address is unique whatever the names.
      const email = reservedEmail(r, names.emailParts[firstIndex]!, lastEmailPart, slot);
      const phone = fictionalPhone(r, place);
      const person_id = uuidFrom(r);

      const archetype = bigFleet ? bigFleet.archetype : commercial ? pickWeighted(r, SMALL_FLEET_ARCHETYPES) : null;
      const fleet_role = !archetype ? null : !bigFleet && r.next() < driverShareWithoutBigFleet(archetype) ? "driver" : pickWeighted(r, FLEET_HOLDER_ROLES);
      return {
        person_id,
        household_id: householdId,
        household_role: "head",
        first_name,
        middle_name,
        last_name,
        name_suffix,
        date_of_birth: formatEpochDay(toEpochDay(birth)),
        gender,
        marital_status,
        email,
        phone,
        street: `${streetNumberName} ${streetSuffix(r)}`,
        address_line2,
        city: place.city,
        county: place.county,
        state: state.code,
        postal_code: place.zip,
        license_number,
        license_state: licenseState.code,
        license_issue_date: formatEpochDay(licenseDay),
        lob_type: commercial ? "commercial" : "personal",
        business_name: archetype ? businessName(slot, archetype) : null,
        fleet_role,
        naics_code: archetype?.naics ?? null,
        usdot_number: archetype?.usdot ? String(1 + usdotNumbers(slot)) : null,
        cdl_class: archetype && fleet_role !== "fleet_manager" ? archetype.cdl : null,
      };
    },
  };
}
