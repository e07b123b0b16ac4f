// The full validation rule set on one core, over records generated beforehand (not timed).
// Prints { seconds, count (records), peakRssMb }.
import { PC_PACK } from "@sdh/pack-pc";
import { parseSnapshotConfig, perEntity } from "@sdh/schemas";
import { validateSnapshot } from "@sdh/validation";
import { peakRssMb } from "../child.js";

const persons = Number(process.argv[2]);
const config = parseSnapshotConfig({ records: persons });
const entities = PC_PACK.spec.entities.map((e) => e.name);
const all = perEntity(PC_PACK.spec, (): Array<Record<string, unknown>> => []);
for (const { records } of PC_PACK.generate(config).range(0, persons)) {
  for (const entity of entities) all[entity]!.push(...records[entity]!);
}
const sources = perEntity(PC_PACK.spec, (entity) => () => all[entity]!);
const started = performance.now();
const { report } = await validateSnapshot(sources, { asOf: config.asOf, expectedPersons: persons, pack: PC_PACK.checks });
const seconds = (performance.now() - started) / 1000;
if (!report.passed) throw new Error("the generated records failed validation");
const count = entities.reduce((n, entity) => n + all[entity]!.length, 0);
console.log(JSON.stringify({ seconds, count, peakRssMb: peakRssMb() }));
