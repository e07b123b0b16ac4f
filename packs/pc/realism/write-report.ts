import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSnapshotConfig } from "@sdh/schemas";
import { VEHICLE_CATALOG, createGenerator } from "../src/generator/index.js";
import { GENERATOR } from "../src/generator/generator-version.js";
import { realismMeasures } from "../src/realism/realism-measures.js";
import { realismReport } from "../src/realism/realism-report.js";
import { openVpic } from "../reference-build/vpic.js";
import { createIndependentDecoder } from "./vpic-decoder.js";
import { vinDecodeMeasure } from "./vin-measure.js";

// pnpm --filter @sdh/pack-pc realism [HOUSEHOLDS]: builds the book for two seeds and writes
// packs/pc/REALISM.md (default 50,000 households each, about a minute on two cores). The VIN measure
// decodes every personal vehicle with the second vPIC decoder (realism/vpic-decoder.ts).
const households = Number(process.argv[2] ?? 50_000);
const seeds = [42, 7];
const vpic = await openVpic();
const newestYear = Math.max(...VEHICLE_CATALOG.flatMap((m) => [...m.years.keys()]));
const decode = createIndependentDecoder(vpic.db, newestYear);
const bySeed = seeds.map((seed) => {
  const config = parseSnapshotConfig({ records: households, seed });
  process.stderr.write(`seed ${seed}: ${households.toLocaleString("en-US")} households\n`);
  const book = [...createGenerator(config).range(0, households)];
  return { seed, measures: [...realismMeasures(book, config.asOf), vinDecodeMeasure(book, decode)] };
});
vpic.close();
const out = fileURLToPath(new URL("../REALISM.md", import.meta.url));
writeFileSync(out, realismReport(`${GENERATOR.name} ${GENERATOR.version}`, households, bySeed));
process.stderr.write(`wrote ${out}\n`);
