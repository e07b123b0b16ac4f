import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { createGenerator, DEMO_SAMPLE_HOUSEHOLDS, GENERATOR, PC_PACK, recordsByEntity, type Household } from "../src/index.js";

describe("the P&C pack as the engine runs it", () => {
  const config = parseSnapshotConfig({ records: 400, seed: 42 });

  it("yields each household's records by entity, in the declared order, exactly as the household rule makes them", () => {
    const roots = [...PC_PACK.generate(config).range(10, 30)];
    const bundles = [...createGenerator(config).range(10, 30)];
    expect(roots.map((r) => r.index)).toEqual(bundles.map((b) => b.index));
    expect(JSON.stringify(roots.map((r) => r.records))).toBe(JSON.stringify(bundles.map(recordsByEntity)));
    expect(Object.keys(roots[0]!.records)).toEqual(PC_PACK.spec.entities.map((e) => e.name));
    expect(PC_PACK.generator).toBe(GENERATOR);
  });

  it("picks demo samples of both lines and a household with claims", () => {
    const picked = PC_PACK.samples!.pick(PC_PACK.generate(config).range(0, config.records));
    const lobs = picked.map((r) => (r.records.households![0] as Household).lob_type);
    expect(lobs.filter((l) => l === "personal").length).toBeGreaterThanOrEqual(DEMO_SAMPLE_HOUSEHOLDS.personal);
    expect(lobs.filter((l) => l === "commercial").length).toBeGreaterThanOrEqual(DEMO_SAMPLE_HOUSEHOLDS.commercial);
    expect(picked.some((r) => r.records.claims!.length > 0)).toBe(true);
  });
});
