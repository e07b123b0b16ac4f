import { createGenerator } from "@sdh/rules";
import { parseSnapshotConfig, type Person, type Vehicle, type Profile } from "@sdh/schemas";
import { validateSnapshot } from "@sdh/validation";
const n = Number(process.argv[2] ?? 200000);
const config = parseSnapshotConfig({ records: n });
const g = createGenerator(config);
const persons: Person[] = [], vehicles: Vehicle[] = [], profiles: Profile[] = [];
for (const b of g.range(0, n)) { persons.push(b.person); vehicles.push(...b.vehicles); profiles.push(b.profile); }
for (let rep = 0; rep < 6; rep++) {
  const t = performance.now();
  const run = await validateSnapshot({ persons: () => persons, vehicles: () => vehicles, profiles: () => profiles }, { asOf: config.asOf, expectedPersons: n });
  const s = (performance.now() - t) / 1000;
  const total = persons.length + vehicles.length + profiles.length;
  console.log(run.report.passed, run.report.errors, run.report.warnings, Math.round(total / s), "records/s", (run.indexBytes / 1e6).toFixed(1), "MB");
  if (!run.report.passed) console.log(JSON.stringify(run.report.rules.filter(r => r.failures > 0), null, 1).slice(0, 2000));
}
