// The quality report's statistics on one core (issue 37: "profile the whole path"), over records
// generated beforehand (not timed): every declared column's profile and the pack's distribution
// tallies, fed as a shard's gate feeds them — household by household, each household's records in the
// pack's entity order. Prints { seconds, count (records), peakRssMb, digest }: the
// digest is the report's sha256, so two builds of the collector can be held to the same bytes.
import { createHash } from "node:crypto";
import { PC_PACK } from "@sdh/pack-pc";
import { parseSnapshotConfig, recordedConfig } from "@sdh/schemas";
import { QualityCollector } from "@sdh/validation";
import { peakRssMb } from "../child.js";

const persons = Number(process.argv[2]);
const config = parseSnapshotConfig({ records: persons });
const entities = PC_PACK.spec.entities.map((e) => e.name);
const households = [...PC_PACK.generate(config).range(0, persons)].map((root) => root.records);
const started = performance.now();
const collector = new QualityCollector(PC_PACK);
for (const records of households) for (const entity of entities) for (const record of records[entity] ?? []) collector.observe(entity, record);
const report = collector.report(recordedConfig(config));
const seconds = (performance.now() - started) / 1000;
const count = households.reduce((n, records) => n + entities.reduce((m, entity) => m + (records[entity]?.length ?? 0), 0), 0);
const digest = createHash("sha256").update(JSON.stringify(report)).digest("hex");
console.log(JSON.stringify({ seconds, count, peakRssMb: peakRssMb(), digest }));
