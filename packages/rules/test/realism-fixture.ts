import { parseIsoDate } from "../src/index.js";
import { bundles, config } from "./fixtures.js";

/**
 * One snapshot large enough to see distributions (50,000 persons, about 100,000 vehicles), built once
 * per test file; every realism test judges it against public references, never against our own tables.
 */
export const SNAPSHOT = config({ records: 50_000 });
const all = bundles(SNAPSHOT);
export const persons = all.map((b) => b.person);
export const vehicles = all.flatMap((b) => b.vehicles);
export const profiles = all.map((b) => b.profile);
export const asOf = parseIsoDate(SNAPSHOT.asOf);
export const ownerOf = new Map(persons.map((p) => [p.person_id, p]));

export function shareOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}
