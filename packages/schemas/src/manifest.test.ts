import { describe, expect, it } from "vitest";
import { EXAMPLE_MANIFEST } from "./dictionary/example-manifest.js";
import { Manifest } from "./snapshot-files.js";

// A manifest comes from a store or a folder someone else wrote: what schemas 0.3 and 0.4 added to it
// must read older manifests as they were and refuse what no build writes, naming the field.
describe("the manifest's schema 0.3 and 0.4 fields", () => {
  it("reads a 0.2 manifest: no pack, no households count", () => {
    const { pack: _pack, ...older } = EXAMPLE_MANIFEST;
    const { households: _households, policies: _policies, drivers: _drivers, policy_vehicles: _places, ...counts } = EXAMPLE_MANIFEST.counts;
    const parsed = Manifest.parse({ ...older, schemaVersion: "0.2.0", counts, files: [{ ...EXAMPLE_MANIFEST.files[0]!, path: "persons_v0_2.parquet", entity: "persons" }] });
    expect(parsed.pack).toBeUndefined();
    expect(parsed.counts.households).toBeUndefined();
  });

  it("reads a 0.3 manifest: no policies, drivers or policy vehicles counted", () => {
    const { policies: _policies, drivers: _drivers, policy_vehicles: _places, ...counts } = EXAMPLE_MANIFEST.counts;
    const parsed = Manifest.parse({ ...EXAMPLE_MANIFEST, schemaVersion: "0.3.0", counts, files: [{ ...EXAMPLE_MANIFEST.files[0]!, path: "households_v0_3.parquet" }] });
    expect(parsed.counts).toEqual({ households: EXAMPLE_MANIFEST.counts.households, persons: EXAMPLE_MANIFEST.counts.persons, vehicles: EXAMPLE_MANIFEST.counts.vehicles, profiles: EXAMPLE_MANIFEST.counts.profiles });
  });

  it.each([
    [{ pack: { name: "../../etc", version: "0.4.0" } }, "pack.name"],
    [{ pack: { name: "pc" } }, "pack.version"],
    [{ counts: { ...EXAMPLE_MANIFEST.counts, households: -1 } }, "counts.households"],
    [{ counts: { ...EXAMPLE_MANIFEST.counts, households: 1.5 } }, "counts.households"],
    [{ counts: { ...EXAMPLE_MANIFEST.counts, policies: -3 } }, "counts.policies"],
    [{ counts: { ...EXAMPLE_MANIFEST.counts, policy_vehicles: "12" } }, "counts.policy_vehicles"],
    [{ files: [{ ...EXAMPLE_MANIFEST.files[0]!, entity: "quotes" }] }, "files.0.entity"],
    // Every object has a constructor: a file's entity must be one counts names itself.
    [{ files: [{ ...EXAMPLE_MANIFEST.files[0]!, entity: "constructor" }] }, "files.0.entity"],
  ])("refuses %j, naming %s", (edit, path) => {
    const result = Manifest.safeParse({ ...EXAMPLE_MANIFEST, ...edit });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
