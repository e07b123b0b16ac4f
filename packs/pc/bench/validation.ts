// `pnpm bench` for @sdh/validation: the full rule set on one core (records/s, median of several
// runs with the spread), the quality report on top of it, and the memory the id tables hold.
import { createGenerator, recordsByEntity } from "../src/generator/index.js";
import { Entity, parseSnapshotConfig, perEntity } from "@sdh/schemas";
import { cpus } from "node:os";
import { CompactKeySet, inspectSnapshot, validateSnapshot } from "@sdh/validation";

const quick = process.argv.includes("--quick") || process.env.SDH_BENCH_MODE === "quick";
const RUNS = quick ? 3 : 5;
/** Households (the root records); the records measured are everything they hold. */
const PERSONS = quick ? 50_000 : 200_000;

const config = parseSnapshotConfig({ records: PERSONS });
const all = perEntity((): unknown[] => []);
for (const b of createGenerator(config).range(0, PERSONS)) {
  const byEntity = recordsByEntity(b);
  for (const entity of Entity.options) all[entity].push(...byEntity[entity]);
}
const records = Entity.options.reduce((n, entity) => n + all[entity].length, 0);
const sources = perEntity((entity) => () => all[entity]);

async function measure(label: string, run: () => Promise<unknown>) {
  await run(); // warm-up
  const rates: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    await run();
    rates.push(records / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { label, median: rates[Math.floor(rates.length / 2)]!, min: rates[0]!, max: rates.at(-1)! };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const results = [
  await measure("validation gate (all rules)", () => validateSnapshot(sources, { asOf: config.asOf, expectedPersons: PERSONS })),
  await measure("gate + quality report", () => inspectSnapshot(sources, { asOf: config.asOf, config, expectedPersons: PERSONS })),
];

// Memory per million ids: one million UUIDs and one million short keys, tables sized as they grow.
const ids = new CompactKeySet("uuid");
const plates = new CompactKeySet("short-text");
for (let i = 0; i < 1_000_000; i++) {
  ids.add(`${i.toString(16).padStart(8, "0")}-0000-4000-8000-${(i * 7919).toString(16).padStart(12, "0")}`);
  plates.add(`CA${i.toString(36).toUpperCase().padStart(7, "0")}`);
}

console.log(`\n@sdh/validation — ${cpus()[0]?.model ?? "cpu"}, ${cpus().length} cores, Node ${process.versions.node}`);
console.log(`${PERSONS.toLocaleString("en-US")} households = ${records.toLocaleString("en-US")} records, median of ${RUNS} runs, one core\n`);
console.log("| stage | records/s | spread |");
console.log("| --- | ---: | ---: |");
for (const r of results) console.log(`| ${r.label} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} |`);
console.log(`\nid tables: ${(ids.bytes / 2 ** 20).toFixed(1)} MiB per million UUIDs, ${(plates.bytes / 2 ** 20).toFixed(1)} MiB per million short keys (plates, VINs, licences)`);
