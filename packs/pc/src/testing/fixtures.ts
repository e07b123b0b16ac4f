import { createGenerator, recordsByEntity, type PcRecords } from "../generator/index.js";
import { parseSnapshotConfig, perEntity, type SnapshotConfig } from "@sdh/schemas";
import { PC_PACK_SPEC, type Claim, type Coverage, type Driver, type Household, type Person, type Policy, type PolicyVehicle, type Profile, type Vehicle } from "../schemas/index.js";
import type { SnapshotSources } from "@sdh/validation";

/** Every record of a P&C snapshot, by entity, with the config it was built from. */
export interface SnapshotRecords {
  config: SnapshotConfig;
  households: Household[];
  persons: Person[];
  vehicles: Vehicle[];
  profiles: Profile[];
  policies: Policy[];
  drivers: Driver[];
  policy_vehicles: PolicyVehicle[];
  coverages: Coverage[];
  claims: Claim[];
}

/** A clean seeded snapshot held in memory, for fixtures to break one rule at a time. */
export function cleanSnapshot(records = 300, seed = 42): SnapshotRecords {
  const config = parseSnapshotConfig({ records, seed });
  const snapshot = { config, ...perEntity(PC_PACK_SPEC, () => [] as unknown[]) } as unknown as SnapshotRecords;
  for (const bundle of createGenerator(config).range(0, records)) {
    const byEntity = recordsByEntity(bundle);
    for (const { name } of PC_PACK_SPEC.entities) (snapshot[name as keyof PcRecords] as unknown[]).push(...byEntity[name as keyof PcRecords]);
  }
  return snapshot;
}

export function sourcesOf(snapshot: SnapshotRecords): SnapshotSources {
  return perEntity(PC_PACK_SPEC, (entity) => () => snapshot[entity as keyof SnapshotRecords] as Iterable<unknown>);
}

/** Rebuilds the profile of the person at `i` (of `persons`) from the (edited) person and vehicles, as the generator would; the book's counts are kept. */
export function rederiveProfile(snapshot: SnapshotRecords, i: number): void {
  const person = snapshot.persons[i]!;
  const owned = snapshot.vehicles.filter((v) => v.person_id === person.person_id);
  const profileAt = snapshot.profiles.findIndex((p) => p.person_id === person.person_id);
  // The person's household and place in it: what the generator's per-person streams are keyed by.
  const household = snapshot.households.findIndex((h) => h.household_id === person.household_id);
  const member = snapshot.persons.slice(0, i).filter((p) => p.household_id === person.household_id).length;
  const { policy_count, claims_count } = snapshot.profiles[profileAt]!;
  snapshot.profiles[profileAt] = createGenerator(snapshot.config).profileOf(person, owned, household, member, { policies: policy_count, claims: claims_count });
}

/** The index of the first person matching `predicate` (who owns at least `minVehicles`). */
export function personWhere(snapshot: SnapshotRecords, predicate: (p: Person) => boolean, minVehicles = 0): number {
  const i = snapshot.persons.findIndex(
    (p) => predicate(p) && snapshot.vehicles.filter((v) => v.person_id === p.person_id).length >= minVehicles,
  );
  if (i < 0) throw new Error("no person in the fixture fits");
  return i;
}

export function vehiclesOf(snapshot: SnapshotRecords, i: number): Vehicle[] {
  const id = snapshot.persons[i]!.person_id;
  return snapshot.vehicles.filter((v) => v.person_id === id);
}
