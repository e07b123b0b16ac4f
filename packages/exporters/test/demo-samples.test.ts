import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { demoSampleFiles, demoSamples } from "@sdh/exporters";
import { DEMO_SAMPLE_HOUSEHOLDS } from "@sdh/pack-pc";
import { demoSampleFolder, PACKS } from "@sdh/packs";
import { parseSnapshotConfig, perEntity } from "@sdh/schemas";
import { PC_PACK_SPEC, type Household, type Person } from "@sdh/pack-pc";
import { ValidationGate } from "@sdh/validation";
import { PC_CHECKS } from "@sdh/pack-pc";
import { describe, expect, it } from "vitest";
import { PC_ENTITIES } from "./pc-entities.js";

const committed = (pack: string, name: string) => readFileSync(fileURLToPath(new URL(`../../../${demoSampleFolder(pack)}/${name}`, import.meta.url)), "utf8");

describe("demo samples (data/demo_samples/v0.9)", () => {
  const samples = demoSamples(parseSnapshotConfig({}));

  it.each(PACKS.map((p) => [p.spec.name, p] as const))("of pack %s are exactly what `sdh samples` makes from the default seed: regenerate them on purpose", (name, pack) => {
    const made = demoSamples(parseSnapshotConfig({ pack: name }));
    for (const file of demoSampleFiles(pack)) expect(made[file], `${file} differs; run \`pnpm sdh samples --pack ${name}\` if the change is meant`).toBe(committed(name, file));
  });

  it("show both lines of business with everything each household makes, and pass the validation gate", () => {
    const records = Object.fromEntries(PC_ENTITIES.map((e) => [e, JSON.parse(samples[`${e}_sample.json`]!) as Array<Record<string, unknown>>])) as Record<string, Array<Record<string, unknown>>>;
    const households = records.households as Household[];
    // The quota of each line, and one more household when none of those had a claim to show.
    const personal = households.filter((h) => h.lob_type === "personal").length;
    const commercial = households.filter((h) => h.lob_type === "commercial").length;
    expect(personal).toBeGreaterThanOrEqual(DEMO_SAMPLE_HOUSEHOLDS.personal);
    expect(commercial).toBeGreaterThanOrEqual(DEMO_SAMPLE_HOUSEHOLDS.commercial);
    expect(personal + commercial).toBeLessThanOrEqual(DEMO_SAMPLE_HOUSEHOLDS.personal + DEMO_SAMPLE_HOUSEHOLDS.commercial + 1);
    expect(records.claims!.length).toBeGreaterThan(0);
    // A slide should show a family: a spouse or partner and a child of driving age, in one of the households.
    expect((records.persons as Person[]).some((p) => p.household_role === "spouse")).toBe(true);
    const gate = new ValidationGate({ asOf: "2026-01-06", pack: PC_CHECKS });
    for (const entity of PC_ENTITIES) for (const record of records[entity]!) gate.check(entity, record);
    const { report } = gate.finish();
    expect(report.rules.filter((r) => r.failures > 0)).toEqual([]);
    expect(report.counts).toEqual(perEntity(PC_PACK_SPEC, (e) => records[e]!.length));
    const bundle = JSON.parse(samples["bundle_sample.json"]!) as { households: Array<Record<string, unknown[]>> };
    for (const entity of PC_ENTITIES) expect(bundle.households.flatMap((b) => b[entity])).toEqual(records[entity]);
  });
});
