// The full validation rule set on one core, over records generated beforehand (not timed).
// Prints { seconds, count (records), peakRssMb }.
import { createGenerator, recordsByEntity } from "@sdh/rules";
import { Entity, parseSnapshotConfig, perEntity } from "@sdh/schemas";
import { validateSnapshot } from "@sdh/validation";
import { peakRssMb } from "../child.js";

const persons = Number(process.argv[2]);
const config = parseSnapshotConfig({ records: persons });
const all = perEntity((): Array<Record<string, unknown>> => []);
for (const b of createGenerator(config).range(0, persons)) {
  const records = recordsByEntity(b);
  for (const entity of Entity.options) all[entity].push(...records[entity]);
}
const sources = perEntity((entity) => () => all[entity]);
const started = performance.now();
const { report } = await validateSnapshot(sources, { asOf: config.asOf, expectedPersons: persons });
const seconds = (performance.now() - started) / 1000;
if (!report.passed) throw new Error("the generated records failed validation");
const count = Entity.options.reduce((n, entity) => n + all[entity].length, 0);
console.log(JSON.stringify({ seconds, count, peakRssMb: peakRssMb() }));
