import { parseSnapshotConfig, QualityReport, type Entity } from "@sdh/schemas";
import { HyperLogLog, inspectSnapshot, qualitySummaryMarkdown } from "@sdh/validation";
import { PC_VALIDATION } from "../../src/checks/index.js";
import { PC_PACK_SPEC } from "../../src/schemas/declaration.js";
import { describe, expect, it } from "vitest";
import { cleanSnapshot, sourcesOf } from "../../src/testing/index.js";

describe("the quality report", () => {
  const snapshot = cleanSnapshot(5_000, 7);
  const inspect = (config = snapshot.config) => inspectSnapshot(sourcesOf(snapshot), { asOf: config.asOf, config, pack: PC_VALIDATION });

  it("finds a clean snapshot's distributions within tolerance of its config", async () => {
    const { quality } = await inspect();
    expect(QualityReport.parse(quality)).toEqual(quality);
    expect(quality.checks.filter((c) => !c.passed)).toEqual([]);
    const lob = quality.checks.find((c) => c.name === "lob_mix.commercial")!;
    expect(lob).toMatchObject({ expected: 0.15, sample: 5_000 });
    expect(Math.abs(lob.observed - 0.15)).toBeLessThan(0.02);
    expect(quality.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(["vehicles_per_household.personal.0", "vehicles_per_household.commercial.2-5", "age_band.personal.18-19", "age_band.commercial.60-72"]),
    );
  });

  it("flags a distribution that drifts from the config", async () => {
    const skewed = parseSnapshotConfig({ ...snapshot.config, settings: { lobMix: { personal: 0.6, commercial: 0.4 } } });
    const { quality } = await inspect(skewed);
    expect(quality.passed).toBe(false);
    expect(quality.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(["lob_mix.commercial"]);
  });

  it("profiles every column: nulls, distinct values, range, top values, histogram", async () => {
    const { quality } = await inspect();
    const column = (entity: Entity, name: string) => quality.columns[entity]!.find((c) => c.name === name)!;

    const middle = column("persons", "middle_name");
    const withoutMiddle = snapshot.persons.filter((p) => p.middle_name === null).length;
    expect(middle.nulls).toBe(withoutMiddle);
    expect(middle.nullRate).toBeCloseTo(withoutMiddle / snapshot.persons.length, 5);

    const gender = column("persons", "gender");
    expect(gender).toMatchObject({ distinct: 3, distinctExact: true, min: "F", max: "X", numeric: null });
    // F and M are near half each (either may lead in a sample), X far behind.
    expect(gender.top.map((t) => t.value).slice(0, 2).sort()).toEqual(["F", "M"]);
    expect(gender.top[2]).toMatchObject({ value: "X" });

    const ids = column("persons", "person_id");
    expect(ids.distinctExact).toBe(false);
    expect(Math.abs(ids.distinct - snapshot.persons.length) / snapshot.persons.length).toBeLessThan(0.05);
    expect(ids.top).toEqual([]);

    const mileage = column("vehicles", "annual_mileage");
    const miles = snapshot.vehicles.map((v) => v.annual_mileage);
    const mean = miles.reduce((a, b) => a + b, 0) / miles.length;
    expect(mileage.min).toBe(Math.min(...miles));
    expect(mileage.max).toBe(Math.max(...miles));
    expect(mileage.numeric!.mean).toBeCloseTo(mean, 3);
    expect(mileage.numeric!.histogram).toHaveLength(10);
    expect(mileage.numeric!.histogram.reduce((n, b) => n + b.count, 0)).toBe(miles.length);
  });

  it("is the same report on every run", async () => {
    expect(JSON.stringify((await inspect()).quality)).toBe(JSON.stringify((await inspect()).quality));
  });

  it("summarises validation and distributions in Markdown", async () => {
    const snapshotWithLeak = cleanSnapshot(300);
    snapshotWithLeak.persons[0]!.email = "leak@gmail.com";
    const { validation, quality } = await inspectSnapshot(sourcesOf(snapshotWithLeak), { asOf: "2026-01-06", config: snapshotWithLeak.config, pack: PC_VALIDATION });
    const markdown = qualitySummaryMarkdown("Snapshot demo", validation, quality, PC_PACK_SPEC.summaryEntities);
    expect(markdown).toContain("# Snapshot demo");
    expect(markdown).toContain("## Validation: FAILED");
    expect(markdown).toMatch(/\| PRIVACY_EMAIL_DOMAIN \| error \| 1 \|/);
    expect(markdown).toMatch(/\| lob_mix\.commercial \| 15\.0% \|/);
    expect(markdown).toContain("| persons.middle_name |");
  });
});

describe("HyperLogLog", () => {
  it.each([1_000, 50_000, 400_000])("estimates %i distinct values within 3%", (n) => {
    const sketch = new HyperLogLog();
    for (let i = 0; i < n; i++) sketch.add(`value-${i}`);
    for (let i = 0; i < n; i += 3) sketch.add(`value-${i}`); // repeats change nothing
    expect(Math.abs(sketch.estimate() - n) / n).toBeLessThan(0.03);
  });
});
