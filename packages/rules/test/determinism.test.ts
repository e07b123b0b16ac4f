import { describe, expect, it } from "vitest";
import { createGenerator } from "../src/index.js";
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

  it("builds record i alone exactly as within a range", () => {
    const g = createGenerator(c);
    for (const i of [0, 1, 777, 1_499]) {
      const person = g.person(i);
      const vehicles = g.vehiclesOf(person, i);
      expect({ index: i, person, vehicles, profile: g.profileOf(person, vehicles, i) }).toEqual(whole[i]);
    }
  });

  it("takes the record count as input: persons hold slots among all records, so a larger snapshot is another population", () => {
    // Licence states, licence numbers, emails and VIN serials come from each person's slot among
    // `records` (person-slots.ts): that is what makes them unique without shards knowing each other.
    const larger = bundles(config({ records: 3_000 }), 0, 50);
    expect(larger.map((b) => b.person.email)).not.toEqual(whole.slice(0, 50).map((b) => b.person.email));
    expect(bundles(config({ records: c.records }), 0, 50)).toEqual(whole.slice(0, 50));
  });

  it("changes with the seed", () => {
    const other = bundles(config({ records: 10, seed: 43 }));
    expect(other[0]?.person.person_id).not.toBe(whole[0]?.person.person_id);
  });

  it("rejects a range outside the snapshot", () => {
    expect(() => [...createGenerator(c).range(1_400, 1_501)]).toThrow(/range \[1400, 1501\) is not within \[0, 1500\)/);
  });
});
