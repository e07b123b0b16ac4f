import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSnapshotConfig } from "@sdh/schemas";
import { createGenerator } from "../src/generator/index.js";
import { GENERATOR } from "../src/generator/generator-version.js";
import { realismMeasures } from "../src/realism/realism-measures.js";
import { realismReport } from "../src/realism/realism-report.js";

// pnpm --filter @sdh/pack-pc realism [HOUSEHOLDS]: builds the book for two seeds and writes
// packs/pc/REALISM.md (default 50,000 households each, about a minute on two cores).
const households = Number(process.argv[2] ?? 50_000);
const seeds = [42, 7];
const bySeed = seeds.map((seed) => {
  const config = parseSnapshotConfig({ records: households, seed });
  process.stderr.write(`seed ${seed}: ${households.toLocaleString("en-US")} households\n`);
  return { seed, measures: realismMeasures([...createGenerator(config).range(0, households)], config.asOf) };
});
const out = fileURLToPath(new URL("../REALISM.md", import.meta.url));
writeFileSync(out, realismReport(`${GENERATOR.name} ${GENERATOR.version}`, households, bySeed));
process.stderr.write(`wrote ${out}\n`);
