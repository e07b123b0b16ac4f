import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO_SAMPLE_FILES, DEMO_SAMPLE_PERSONS, demoSamples } from "@sdh/exporters";
import { parseSnapshotConfig, type Person, type Profile, type Vehicle } from "@sdh/schemas";
import { ValidationGate } from "@sdh/validation";
import { describe, expect, it } from "vitest";

const committed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../data/demo_samples/v0.2/${name}`, import.meta.url)), "utf8");

describe("demo samples (data/demo_samples/v0.2)", () => {
  const samples = demoSamples(parseSnapshotConfig({}));

  it("are exactly what `sdh samples` makes from the default seed: regenerate them on purpose", () => {
    for (const name of DEMO_SAMPLE_FILES) expect(samples[name], `${name} differs; run \`pnpm sdh samples\` if the change is meant`).toBe(committed(name));
  });

  it("show both lines of business with every vehicle and profile, and pass the validation gate", () => {
    const persons = JSON.parse(samples["persons_sample.json"]) as Person[];
    const vehicles = JSON.parse(samples["vehicles_sample.json"]) as Vehicle[];
    const profiles = JSON.parse(samples["profiles_sample.json"]) as Profile[];
    expect(persons.filter((p) => p.lob_type === "personal")).toHaveLength(DEMO_SAMPLE_PERSONS.personal);
    expect(persons.filter((p) => p.lob_type === "commercial")).toHaveLength(DEMO_SAMPLE_PERSONS.commercial);
    const gate = new ValidationGate({ asOf: "2026-01-06" });
    for (const person of persons) {
      gate.check("persons", person);
      for (const v of vehicles.filter((v) => v.person_id === person.person_id)) gate.check("vehicles", v);
      gate.check("profiles", profiles.find((p) => p.person_id === person.person_id));
    }
    const { report } = gate.finish();
    expect(report.rules.filter((r) => r.failures > 0)).toEqual([]);
    expect(report.counts).toEqual({ persons: 5, vehicles: vehicles.length, profiles: 5 });
    const bundle = JSON.parse(samples["bundle_sample.json"]) as { persons: Array<{ person: Person; vehicles: Vehicle[] }> };
    expect(bundle.persons.map((b) => b.person)).toEqual(persons);
    expect(bundle.persons.flatMap((b) => b.vehicles)).toEqual(vehicles);
  });
});
