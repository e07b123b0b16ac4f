import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO_SAMPLE_FILES, DEMO_SAMPLE_HOUSEHOLDS, demoSamples } from "@sdh/exporters";
import { Entity, parseSnapshotConfig, perEntity, type Household, type Person } from "@sdh/schemas";
import { ValidationGate } from "@sdh/validation";
import { describe, expect, it } from "vitest";

const committed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../data/demo_samples/v0.6/${name}`, import.meta.url)), "utf8");

describe("demo samples (data/demo_samples/v0.6)", () => {
  const samples = demoSamples(parseSnapshotConfig({}));

  it("are exactly what `sdh samples` makes from the default seed: regenerate them on purpose", () => {
    for (const name of DEMO_SAMPLE_FILES) expect(samples[name], `${name} differs; run \`pnpm sdh samples\` if the change is meant`).toBe(committed(name));
  });

  it("show both lines of business with everything each household makes, and pass the validation gate", () => {
    const records = Object.fromEntries(Entity.options.map((e) => [e, JSON.parse(samples[`${e}_sample.json`]) as Array<Record<string, unknown>>])) as Record<Entity, Array<Record<string, unknown>>>;
    const households = records.households as Household[];
    // The quota of each line, and one more household when none of those had a claim to show.
    const personal = households.filter((h) => h.lob_type === "personal").length;
    const commercial = households.filter((h) => h.lob_type === "commercial").length;
    expect(personal).toBeGreaterThanOrEqual(DEMO_SAMPLE_HOUSEHOLDS.personal);
    expect(commercial).toBeGreaterThanOrEqual(DEMO_SAMPLE_HOUSEHOLDS.commercial);
    expect(personal + commercial).toBeLessThanOrEqual(DEMO_SAMPLE_HOUSEHOLDS.personal + DEMO_SAMPLE_HOUSEHOLDS.commercial + 1);
    expect(records.claims.length).toBeGreaterThan(0);
    // A slide should show a family: a spouse or partner and a child of driving age, in one of the households.
    expect((records.persons as Person[]).some((p) => p.household_role === "spouse")).toBe(true);
    const gate = new ValidationGate({ asOf: "2026-01-06" });
    for (const entity of Entity.options) for (const record of records[entity]) gate.check(entity, record);
    const { report } = gate.finish();
    expect(report.rules.filter((r) => r.failures > 0)).toEqual([]);
    expect(report.counts).toEqual(perEntity((e) => records[e].length));
    const bundle = JSON.parse(samples["bundle_sample.json"]) as { households: Array<Record<Entity, unknown[]>> };
    for (const entity of Entity.options) expect(bundle.households.flatMap((b) => b[entity])).toEqual(records[entity]);
  });
});
