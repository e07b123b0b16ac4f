import { parseIsoDate } from "@sdh/rules";
import { bundles, config } from "./fixtures.js";

/**
 * One snapshot large enough to see distributions (50,000 households: about 77,000 persons and 95,000
 * vehicles), built once per test file; every realism test judges it against public references, never
 * against our own tables. `heads` are the households' heads (policyholders), `persons` everyone.
 */
export const SNAPSHOT = config({ records: 50_000 });
const all = bundles(SNAPSHOT);
export const households = all.map((b) => b.household);
export const persons = all.flatMap((b) => b.persons);
export const heads = all.map((b) => b.persons[0]!);
export const vehicles = all.flatMap((b) => b.vehicles);
export const profiles = all.flatMap((b) => b.profiles);
export const policies = all.flatMap((b) => b.policies);
export const drivers = all.flatMap((b) => b.drivers);
export const policyVehicles = all.flatMap((b) => b.policyVehicles);
export const coverages = all.flatMap((b) => b.coverages);
export const claims = all.flatMap((b) => b.claims);
export const asOf = parseIsoDate(SNAPSHOT.asOf);
export const ownerOf = new Map(persons.map((p) => [p.person_id, p]));

export function shareOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}
