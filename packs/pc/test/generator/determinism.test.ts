import { describe, expect, it } from "vitest";
import { createGenerator } from "../../src/generator/index.js";
import { bundles, config, sharded } from "./fixtures.js";

describe("determinism", () => {
  const c = config({ records: 1_500 });
  const whole = bundles(c);

  it("gives identical records for the same config", () => {
    expect(bundles(c)).toEqual(whole);
  });

  it.each([7, 64])("gives the same records in %i shards as in one", (shards) => {
    expect(sharded(c, shards)).toEqual(whole);
  });

  it("builds household i alone exactly as within a range, and a person's profile from the person, what they own and their book", () => {
    const g = createGenerator(c);
    for (const i of [0, 1, 777, 1_499]) {
      expect([...g.range(i, i + 1)]).toEqual([whole[i]]);
      const { persons, vehicles, profiles, drivers, claims } = whole[i]!;
      persons.forEach((person, m) => {
        const driverIds = new Set(drivers.filter((d) => d.person_id === person.person_id).map((d) => d.driver_id));
        const book = { policies: driverIds.size, claims: claims.filter((c) => c.driver_id !== null && driverIds.has(c.driver_id)).length };
        expect(g.profileOf(person, vehicles.filter((v) => v.person_id === person.person_id), i, m, book)).toEqual(profiles[m]);
      });
    }
  });

  it("takes the record count as input: households hold slots among all records, so a larger snapshot is another population", () => {
    // Licence states, licence numbers, emails and VIN serials come from each household's slot among
    // `records` (person-slots.ts): that is what makes them unique without shards knowing each other.
    const larger = bundles(config({ records: 3_000 }), 0, 50);
    expect(larger.map((b) => b.persons[0]!.email)).not.toEqual(whole.slice(0, 50).map((b) => b.persons[0]!.email));
    expect(bundles(config({ records: c.records }), 0, 50)).toEqual(whole.slice(0, 50));
  });

  it("changes with the seed", () => {
    const other = bundles(config({ records: 10, seed: 43 }));
    expect(other[0]?.persons[0]!.person_id).not.toBe(whole[0]?.persons[0]!.person_id);
    expect(other[0]?.household.household_id).not.toBe(whole[0]?.household.household_id);
  });

  it("rejects a range outside the snapshot", () => {
    expect(() => [...createGenerator(c).range(1_400, 1_501)]).toThrow(/range \[1400, 1501\) is not within \[0, 1500\)/);
  });
});
