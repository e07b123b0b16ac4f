import type { Entity, Person, Profile, SnapshotConfig, Vehicle } from "@sdh/schemas";
import { createBigFleets } from "./big-fleets.js";
import { createPersonSlots } from "./person-slots.js";
import { createPersonRule } from "./person.js";
import { createProfileRule } from "./profile.js";
import { createVehicleRule } from "./vehicle.js";

export { GENERATOR } from "./generator-version.js";

export interface PersonBundle {
  index: number;
  person: Person;
  vehicles: Vehicle[];
  profile: Profile;
}

/** A bundle's records by entity, in the declared order (ADR 0016): what the engine iterates. */
export function recordsByEntity(bundle: PersonBundle): Record<Entity, ReadonlyArray<Record<string, unknown>>> {
  return { persons: [bundle.person], vehicles: bundle.vehicles, profiles: [bundle.profile] };
}

export interface SnapshotGenerator {
  person(i: number): Person;
  vehiclesOf(person: Person, i: number): Vehicle[];
  profileOf(person: Person, vehicles: readonly Vehicle[], i: number): Profile;
  /** Persons [start, end) with their vehicles and profiles; never needs a record before `start`. */
  range(start: number, end: number): IterableIterator<PersonBundle>;
}

export function createGenerator(config: SnapshotConfig): SnapshotGenerator {
  if (!Number.isInteger(config.records) || config.records < 1) throw new Error(`records must be ≥ 1, got ${config.records}`);
  const slots = createPersonSlots(config.records, config.seed);
  const bigFleets = createBigFleets(config);
  const persons = createPersonRule(config, slots, bigFleets);
  const vehicles = createVehicleRule(config, slots, bigFleets);
  const profiles = createProfileRule(config);
  return {
    person: persons.person,
    vehiclesOf: vehicles.vehiclesOf,
    profileOf: profiles.profileOf,
    *range(start, end) {
      if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= config.records)) {
        throw new RangeError(`range [${start}, ${end}) is not within [0, ${config.records})`);
      }
      for (let i = start; i < end; i++) {
        const person = persons.person(i);
        const owned = vehicles.vehiclesOf(person, i);
        yield { index: i, person, vehicles: owned, profile: profiles.profileOf(person, owned, i) };
      }
    },
  };
}
