import type { SnapshotConfig } from "@sdh/schemas";
import type { Claim, Coverage, Driver, Household, Person, Policy, PolicyVehicle, Profile, Vehicle } from "../schemas/index.js";
import { createBigFleets } from "./big-fleets.js";
import { createHouseholdRule } from "./household.js";
import { HOUSEHOLD_MEMBER_SLOTS } from "./licence-issuer.js";
import { createMemberRule } from "./household-members.js";
import { memberIndex } from "./member-index.js";
import { createPersonSlots } from "./person-slots.js";
import { createPersonRule } from "./person.js";
import { createPolicyRule } from "./policy.js";
import { createProfileRule, type ProfileBook } from "./profile.js";
import type { HouseholdPolicies } from "./policy.js";
import { createVehicleRule } from "./vehicle.js";

export { GENERATOR } from "./generator-version.js";

/**
 * Everything household `index` makes: the household, its persons (head first), their vehicles, one
 * profile per person, and its auto policy (none without a vehicle) with the drivers, vehicles,
 * coverages and claims on it.
 */
export interface HouseholdBundle {
  index: number;
  household: Household;
  persons: Person[];
  vehicles: Vehicle[];
  profiles: Profile[];
  policies: Policy[];
  drivers: Driver[];
  policyVehicles: PolicyVehicle[];
  coverages: Coverage[];
  claims: Claim[];
}

/** A household's records by entity of the P&C pack, in the declared order (ADR 0016): what the engine iterates. */
export type PcRecords = {
  households: readonly Household[];
  persons: readonly Person[];
  vehicles: readonly Vehicle[];
  profiles: readonly Profile[];
  policies: readonly Policy[];
  drivers: readonly Driver[];
  policy_vehicles: readonly PolicyVehicle[];
  coverages: readonly Coverage[];
  claims: readonly Claim[];
};

export function recordsByEntity(bundle: HouseholdBundle): PcRecords {
  return {
    households: [bundle.household],
    persons: bundle.persons,
    vehicles: bundle.vehicles,
    profiles: bundle.profiles,
    policies: bundle.policies,
    drivers: bundle.drivers,
    policy_vehicles: bundle.policyVehicles,
    coverages: bundle.coverages,
    claims: bundle.claims,
  };
}

/** The stream index of member `m` of household `i`: profiles and other per-person records draw from it. */
export function personOrdinal(household: number, member: number): number {
  return household * HOUSEHOLD_MEMBER_SLOTS + member;
}

/** The vehicles of `personId`, in household order. */
function ownedBy(vehicles: readonly Vehicle[], personId: string): Vehicle[] {
  const owned: Vehicle[] = [];
  for (const v of vehicles) if (v.person_id === personId) owned.push(v);
  return owned;
}

/** The book of a person on no policy: shared, since profiles only read it. */
const NO_BOOK: ProfileBook = Object.freeze({ policies: 0, claims: 0 });

/** Each member's policies (as a driver) and claims (as the driver), in the order of `persons`. */
function booksOf(persons: readonly Person[], book: HouseholdPolicies): ProfileBook[] {
  const books: ProfileBook[] = new Array(persons.length);
  if (book.drivers.length === 0) return books.fill(NO_BOOK);
  for (let m = 0; m < persons.length; m++) books[m] = { policies: 0, claims: 0 };
  for (const d of book.drivers) books[memberIndex(persons, d.person_id)]!.policies++;
  for (const c of book.claims) {
    if (c.driver_id === null) continue;
    const driver = book.drivers.find((d) => d.driver_id === c.driver_id)!;
    books[memberIndex(persons, driver.person_id)]!.claims++;
  }
  return books;
}

export interface SnapshotGenerator {
  /** The profile of member `member` of household `household`, from the person, the vehicles they own and their book. */
  profileOf(person: Person, owned: readonly Vehicle[], household: number, member: number, book: ProfileBook): Profile;
  /** Households [start, end) with everything they make; never needs a record before `start`. */
  range(start: number, end: number): IterableIterator<HouseholdBundle>;
}

export function createGenerator(config: SnapshotConfig): SnapshotGenerator {
  if (!Number.isInteger(config.records) || config.records < 1) throw new Error(`records must be ≥ 1, got ${config.records}`);
  const slots = createPersonSlots(config.records, config.seed);
  const bigFleets = createBigFleets(config);
  const heads = createPersonRule(config, slots, bigFleets);
  const members = createMemberRule(config, slots);
  const vehicles = createVehicleRule(config, slots, bigFleets);
  const profiles = createProfileRule(config);
  const households = createHouseholdRule(config);
  const policies = createPolicyRule(config);
  return {
    profileOf: (person, owned, household, member, book) => profiles.profileOf(person, owned, personOrdinal(household, member), book),
    *range(start, end) {
      if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= config.records)) {
        throw new RangeError(`range [${start}, ${end}) is not within [0, ${config.records})`);
      }
      for (let i = start; i < end; i++) {
        const householdId = households.idOf(i);
        const head = heads.person(i, householdId);
        // Built by loops rather than spread, map and filter: this runs once per household, and the
        // iterator and callback each of those makes is a measurable share of a household's cost.
        const persons = [head];
        for (const member of members.membersOf(head, i)) persons.push(member);
        const kept = vehicles.vehiclesOf(persons, i);
        const household = households.householdOf(householdId, head, persons.length, kept.length);
        const book = policies.policiesOf(household, persons, kept, i);
        const books = booksOf(persons, book);
        const personProfiles: Profile[] = new Array(persons.length);
        for (let m = 0; m < persons.length; m++) {
          const person = persons[m]!;
          const owned = persons.length === 1 ? kept : ownedBy(kept, person.person_id);
          personProfiles[m] = profiles.profileOf(person, owned, personOrdinal(i, m), books[m]!);
        }
        yield { index: i, household, persons, vehicles: kept, profiles: personProfiles, policies: book.policies, drivers: book.drivers, policyVehicles: book.policyVehicles, coverages: book.coverages, claims: book.claims };
      }
    },
  };
}
