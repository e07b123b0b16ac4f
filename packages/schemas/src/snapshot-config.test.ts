import { describe, expect, expectTypeOf, it } from "vitest";
import { ConfigError, parseSnapshotConfig, type SnapshotConfig } from "./index.js";

describe("SnapshotConfig", () => {
  it("has reproducible defaults: ~200 records, a fixed seed and a fixed asOf", () => {
    const config = parseSnapshotConfig({});
    expect(config).toMatchObject({ records: 200, seed: 42, asOf: "2026-01-06", formats: ["csv", "json", "parquet"], schemaVersion: "0.8.0" });
    expectTypeOf(config).toEqualTypeOf<SnapshotConfig>();
  });

  it("gives one clear message per invalid field, with what was given", () => {
    const error = (() => {
      try {
        parseSnapshotConfig({ records: -5, seed: 1.5, asOf: "2026-13-01", formats: ["csv", "xlsx"], lobMix: { personal: 0.5, commercial: 0.4 } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems).toContain("records: must be at least 1 (got -5)");
    expect(problems).toContain("seed: must be a whole number from 0 to 2^53 - 1 (got 1.5)");
    expect(problems.find((p) => p.startsWith("asOf:"))).toContain('"2026-13-01"');
    expect(problems.find((p) => p.startsWith("formats.1:"))).toMatch(/xlsx/);
    expect(problems.find((p) => p.startsWith("lobMix:"))).toContain("must add up to 1");
  });

  it("names unknown fields and the allowed ones", () => {
    expect(() => parseSnapshotConfig({ record: 10 })).toThrow(/config: unknown field\(s\) 'record'; allowed: pack, records, seed, asOf/);
  });

  it("refuses a commercial vehicle distribution: since 0.2 fleets follow their business archetype", () => {
    expect(() => parseSnapshotConfig({ vehiclesPerPerson: { personal: [1], commercial: [0, 1] } })).toThrow(
      /vehiclesPerPerson: unknown field\(s\) 'commercial'; only 'personal' is allowed: since schema 0.2 commercial fleet sizes follow the business archetype/,
    );
  });

  it("takes realistic or synthetic identifiers, realistic by default", () => {
    expect(parseSnapshotConfig({}).identifiers).toBe("realistic");
    expect(parseSnapshotConfig({ identifiers: "synthetic" }).identifiers).toBe("synthetic");
    expect(() => parseSnapshotConfig({ identifiers: "fake" })).toThrow(/identifiers: must be realistic or synthetic/);
  });
});
