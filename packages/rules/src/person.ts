import type { Person, SnapshotConfig } from "@sdh/schemas";
import { addYears, formatDate, formatEpochDay, fromEpochDay, parseIsoDate, toEpochDay } from "./dates.js";
import { templateSpace, formatTemplate } from "./id-template.js";
import { createPermutation } from "./permutation.js";
import { createRecordStreams } from "./random.js";
import {
  COMMERCIAL_AGE_BANDS,
  DRIVER_AGE_BANDS,
  FLEET_ROLES,
  GENDERS,
  LICENSING_DELAY_YEARS,
  maritalTableFor,
} from "./reference/distributions.js";
import { NAMES } from "./reference/names.js";
import { STATES, type StateReference } from "./reference/states.js";
import { intBetween, pick, pickWeighted, weighted } from "./sampling.js";
import { SeededFaker } from "./seeded-faker.js";
import { uuidFrom } from "./uuid.js";

const RESERVED_DOMAINS = ["example.com", "example.net", "example.org"] as const;
const STATE_TABLE = weighted(STATES.map((s) => [s, s.population] as const));

/** Lowercase ASCII letters only: names like O'Keefe become okeefe in an email address. */
function emailPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, "");
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export interface PersonRule {
  /** Person `i` of the snapshot: a pure function of (seed, i, config). */
  person(i: number): Person;
}

export function createPersonRule(config: SnapshotConfig): PersonRule {
  const asOf = parseIsoDate(config.asOf);
  const asOfDay = toEpochDay(asOf);
  const seeded = new SeededFaker();
  const streams = createRecordStreams(config.seed, "person");
  // Licence numbers are a keyed permutation of the person index within their format's space:
  // unique across the snapshot by construction, whichever shard built them.
  const licenseNumbers = new Map<string, (i: number) => number>();
  const licenseNumberFor = (state: StateReference, i: number): string => {
    let permute = licenseNumbers.get(state.licenseTemplate);
    if (!permute) {
      const space = templateSpace(state.licenseTemplate);
      if (space < config.records) {
        throw new Error(`${state.code} licence format ${state.licenseTemplate} has ${space} values, fewer than ${config.records} persons`);
      }
      permute = createPermutation(space, config.seed ^ 0x5d1c);
      licenseNumbers.set(state.licenseTemplate, permute);
    }
    return formatTemplate(state.licenseTemplate, permute(i));
  };

  return {
    person(i: number): Person {
      const r = streams.at(i);
      const commercial = r.next() < config.lobMix.commercial;
      const state = pickWeighted(r, STATE_TABLE);
      const gender = pickWeighted(r, GENDERS);
      const firsts = gender === "F" ? NAMES.firstFemale : gender === "M" ? NAMES.firstMale : NAMES.firstGeneric;
      const middles = gender === "F" ? NAMES.middleFemale : gender === "M" ? NAMES.middleMale : NAMES.middleGeneric;
      const first_name = pick(r, firsts);
      const middle_name = r.next() < 0.7 ? pick(r, middles) : null;
      const last_name = pick(r, NAMES.last);

      const [minAge, maxAge] = pickWeighted(r, commercial ? COMMERCIAL_AGE_BANDS : DRIVER_AGE_BANDS);
      const age = intBetween(r, minAge, maxAge);
      // Born between (asOf - age - 1 year, asOf - age years]: exactly `age` whole years old at asOf.
      const latestBirth = toEpochDay(addYears(asOf, -age));
      const earliestBirth = toEpochDay(addYears(asOf, -age - 1)) + 1;
      const birthDay = intBetween(r, earliestBirth, latestBirth);
      const birth = fromEpochDay(birthDay);

      const licensedFrom = toEpochDay(addYears(birth, 16));
      const delayYears = pickWeighted(r, LICENSING_DELAY_YEARS);
      const licenseDay = Math.min(asOfDay, licensedFrom + delayYears * 365 + intBetween(r, 0, 364));

      const licenseState = r.next() < 0.97 ? state : pickWeighted(r, STATE_TABLE);
      const [zipLo, zipHi] = pick(r, state.zipPrefixes);
      const postal_code = `${intBetween(r, zipLo, zipHi)}${twoDigits(intBetween(r, 0, 99))}`;
      const streetNumber = intBetween(r, 1, r.next() < 0.8 ? 9_999 : 99_999);
      const streetName = r.next() < 0.5 ? pick(r, NAMES.last) : pick(r, NAMES.firstGeneric);

      const emailNumber = intBetween(r, 0, 99);
      const email = `${emailPart(first_name)}.${emailPart(last_name)}${emailNumber < 60 ? emailNumber : ""}@${pick(r, RESERVED_DOMAINS)}`;
      const phone = `(${pick(r, state.areaCodes)}) 555-01${twoDigits(intBetween(r, 0, 99))}`;

      const person_id = uuidFrom(r);
      const business_name = commercial ? seeded.use(r).company.name() : null;
      const fleet_role = commercial ? pickWeighted(r, FLEET_ROLES) : null;
      const marital_status = pickWeighted(r, maritalTableFor(age));

      return {
        person_id,
        first_name,
        middle_name,
        last_name,
        date_of_birth: formatDate(birth),
        gender,
        marital_status,
        email,
        phone,
        street: `${streetNumber} ${streetName} ${pick(r, NAMES.streetSuffix)}`,
        city: pick(r, state.cities),
        state: state.code,
        postal_code,
        license_number: licenseNumberFor(licenseState, i),
        license_state: licenseState.code,
        license_issue_date: formatEpochDay(licenseDay),
        lob_type: commercial ? "commercial" : "personal",
        business_name,
        fleet_role,
      };
    },
  };
}
