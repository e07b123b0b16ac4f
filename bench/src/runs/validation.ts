// The full validation rule set on one core, over records generated beforehand (not timed).
// Prints { seconds, count (records), peakRssMb }.
import { createGenerator } from "@sdh/rules";
import { parseSnapshotConfig, type Person, type Profile, type Vehicle } from "@sdh/schemas";
import { validateSnapshot } from "@sdh/validation";
import { peakRssMb } from "../child.js";

const persons = Number(process.argv[2]);
const config = parseSnapshotConfig({ records: persons });
const all = { persons: [] as Person[], vehicles: [] as Vehicle[], profiles: [] as Profile[] };
for (const b of createGenerator(config).range(0, persons)) {
  all.persons.push(b.person);
  all.vehicles.push(...b.vehicles);
  all.profiles.push(b.profile);
}
const sources = { persons: () => all.persons, vehicles: () => all.vehicles, profiles: () => all.profiles };
const started = performance.now();
const { report } = await validateSnapshot(sources, { asOf: config.asOf, expectedPersons: persons });
const seconds = (performance.now() - started) / 1000;
if (!report.passed) throw new Error("the generated records failed validation");
const count = all.persons.length + all.vehicles.length + all.profiles.length;
console.log(JSON.stringify({ seconds, count, peakRssMb: peakRssMb() }));
