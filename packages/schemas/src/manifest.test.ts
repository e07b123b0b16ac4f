import { describe, expect, it } from "vitest";
import { EXAMPLE_MANIFEST } from "./dictionary/example-manifest.js";
import { Manifest } from "./snapshot-files.js";

// A manifest comes from a store or a folder someone else wrote: what schema 0.3 added to it must read
// older manifests as they were and refuse what no build writes, naming the field.
describe("the manifest's schema 0.3 fields", () => {
  it("reads a 0.2 manifest: no pack, no households count", () => {
    const { pack: _pack, ...older } = EXAMPLE_MANIFEST;
    const { households: _households, ...counts } = EXAMPLE_MANIFEST.counts;
    const parsed = Manifest.parse({ ...older, schemaVersion: "0.2.0", counts, files: [{ ...EXAMPLE_MANIFEST.files[0]!, path: "persons_v0_2.parquet", entity: "persons" }] });
    expect(parsed.pack).toBeUndefined();
    expect(parsed.counts.households).toBeUndefined();
  });

  it.each([
    [{ pack: { name: "../../etc", version: "0.3.0" } }, "pack.name"],
    [{ pack: { name: "pc" } }, "pack.version"],
    [{ counts: { ...EXAMPLE_MANIFEST.counts, households: -1 } }, "counts.households"],
    [{ counts: { ...EXAMPLE_MANIFEST.counts, households: 1.5 } }, "counts.households"],
    [{ files: [{ ...EXAMPLE_MANIFEST.files[0]!, entity: "policies" }] }, "files.0.entity"],
  ])("refuses %j, naming %s", (edit, path) => {
    const result = Manifest.safeParse({ ...EXAMPLE_MANIFEST, ...edit });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
