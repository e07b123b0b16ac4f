import type { Person, Profile, SnapshotConfig, Vehicle } from "@sdh/schemas";
import { parseIsoDate, wholeYearsBetweenIso } from "./dates.js";
import { createRecordStreams } from "./random.js";
import { riskBand, riskScore } from "./risk.js";
import { uuidFrom } from "./uuid.js";

export interface ProfileRule {
  /** The profile of person `i`: derived from the person and exactly their vehicles. */
  profileOf(person: Person, vehicles: readonly Vehicle[], i: number): Profile;
}

/** The vehicle driven most: highest annual mileage, the earlier one on a tie. */
export function primaryVehicle(vehicles: readonly Vehicle[]): Vehicle | null {
  let best: Vehicle | null = null;
  for (const v of vehicles) if (!best || v.annual_mileage > best.annual_mileage) best = v;
  return best;
}

export function createProfileRule(config: SnapshotConfig): ProfileRule {
  const asOf = parseIsoDate(config.asOf);
  const streams = createRecordStreams(config.seed, "profile");
  return {
    profileOf(person, vehicles, i) {
      const age = wholeYearsBetweenIso(person.date_of_birth, config.asOf);
      const yearsLicensed = wholeYearsBetweenIso(person.license_issue_date, config.asOf);
      const primary = primaryVehicle(vehicles);
      const score = riskScore({ age, yearsLicensed, primary, asOfYear: asOf.year });
      const names = [person.first_name, person.middle_name, person.last_name, person.name_suffix].filter((n): n is string => n !== null);
      return {
        profile_id: uuidFrom(streams.at(i)),
        person_id: person.person_id,
        full_name: names.join(" "),
        age,
        vehicle_count: vehicles.length,
        vehicle_summary: vehicles.length ? vehicles.map((v) => `${v.model_year} ${v.make} ${v.model}`).join("; ") : null,
        primary_vehicle_id: primary?.vehicle_id ?? null,
        risk_score: score,
        risk_band: riskBand(score),
        lob_type: person.lob_type,
      };
    },
  };
}
