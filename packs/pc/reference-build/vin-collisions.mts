// How many VINs coincide in a large snapshot (the README quotes it): `tsx reference-build/vin-collisions.mts 1000000`.
import { parseSnapshotConfig } from "@sdh/schemas";
import { createGenerator } from "../src/generator/index.js";

const records = Number(process.argv[2] ?? 1_000_000);
const generator = createGenerator(parseSnapshotConfig({ records, seed: 42 }));
const seen = new Set<string>();
let vehicles = 0;
let duplicates = 0;
const started = performance.now();
for (const { vehicles: owned } of generator.range(0, records)) {
  for (const v of owned) {
    vehicles++;
    if (seen.has(v.vin)) duplicates++;
    else seen.add(v.vin);
  }
}
console.log(`${records} persons, ${vehicles} vehicles, ${duplicates} duplicate VINs, ${((performance.now() - started) / 1000).toFixed(1)} s`);
