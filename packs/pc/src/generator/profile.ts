import type { SnapshotConfig } from "@sdh/schemas";
import type { Person, Profile, Vehicle } from "../schemas/index.js";
import { createRecordStreams, parseIsoDate, uuidFrom, wholeYearsTo } from "@sdh/rules";
import { riskBand, riskScore } from "./risk.js";

/** What a person's book adds to their profile: the policies they are on as a driver, the claims in which they drove. */
export interface ProfileBook {
  policies: number;
  claims: number;
}

export interface ProfileRule {
  /** The profile of the person at `i` (see personOrdinal): derived from the person, exactly the vehicles they own, and their book. */
  profileOf(person: Person, vehicles: readonly Vehicle[], i: number, book: ProfileBook): Profile;
}

/** The vehicle driven most: highest annual mileage, the earlier one on a tie. */
export function primaryVehicle(vehicles: readonly Vehicle[]): Vehicle | null {
  let best: Vehicle | null = null;
  for (const v of vehicles) if (!best || v.annual_mileage > best.annual_mileage) best = v;
  return best;
}

/** First, middle, last name and suffix, those present, joined by spaces. */
function fullName(person: Person): string {
  let name = person.first_name;
  if (person.middle_name !== null) name += ` ${person.middle_name}`;
  name += ` ${person.last_name}`;
  if (person.name_suffix !== null) name += ` ${person.name_suffix}`;
  return name;
}

/** "2019 Toyota Camry; 2012 Ford F-150", or null without vehicles. Concatenated: it runs per person. */
function vehicleSummary(vehicles: readonly Vehicle[]): string | null {
  let summary: string | null = null;
  for (const v of vehicles) {
    const one = `${v.model_year} ${v.make} ${v.model}`;
    summary = summary === null ? one : `${summary}; ${one}`;
  }
  return summary;
}

export function createProfileRule(config: SnapshotConfig): ProfileRule {
  const asOf = parseIsoDate(config.asOf);
  const yearsSince = wholeYearsTo(config.asOf);
  const streams = createRecordStreams(config.seed, "profile");
  return {
    profileOf(person, vehicles, i, book) {
      const age = yearsSince(person.date_of_birth);
      const yearsLicensed = yearsSince(person.license_issue_date);
      const primary = primaryVehicle(vehicles);
      const score = riskScore({ age, yearsLicensed, primary, asOfYear: asOf.year });
      return {
        profile_id: uuidFrom(streams.at(i)),
        person_id: person.person_id,
        full_name: fullName(person),
        household_role: person.household_role,
        age,
        vehicle_count: vehicles.length,
        vehicle_summary: vehicleSummary(vehicles),
        primary_vehicle_id: primary?.vehicle_id ?? null,
        risk_score: score,
        risk_band: riskBand(score),
        lob_type: person.lob_type,
        policy_count: book.policies,
        claims_count: book.claims,
      };
    },
  };
}
