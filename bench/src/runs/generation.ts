// One generation stage on one core: persons (household heads), vehicles (of a sample of households),
// profiles (of a sample of persons with the vehicles they own), policies (each sampled household's
// policy with its drivers, policy vehicles and coverages), or everything per household as a snapshot generates
// it ("bundle"), or a FinTech customer with everything they hold ("fintech"). `persons` on the command line and in the output counts the root
// records (households). Prints { seconds, count, persons, peakRssMb }.
import { FINTECH_PACK } from "@sdh/pack-fintech";
import { createGenerator, createPersonRule, createPolicyRule, createProfileRule, createVehicleRule } from "@sdh/pack-pc";
import { parseSnapshotConfig } from "@sdh/schemas";
import { type Household, type Person, type Vehicle } from "@sdh/pack-pc";
import { peakRssMb } from "../child.js";

const [stage, personsArg] = process.argv.slice(2);
const persons = Number(personsArg);
const config = parseSnapshotConfig({ records: Math.max(persons, 1) });
const personRule = createPersonRule(config);
const vehicleRule = createVehicleRule(config);
const profileRule = createProfileRule(config);
const policyRule = createPolicyRule(config);
// A small sample of owners, reused: a large live heap would slow every GC and measure the collector.
const SAMPLE = 2_000;
// Built only for the stages that use it: records kept alive across collections teach V8 to allocate
// their kind in the old generation (allocation-site pretenuring), which would then slow the stages
// that measure how records are made and dropped, as a snapshot makes them.
let sample: Person[][] = [];
let owned: Vehicle[][] = [];
let kept: Vehicle[][] = [];
let households: Household[] = [];
const withSample = () => {
  if (!sample.length) {
    const bundles = [...createGenerator(config).range(0, Math.min(SAMPLE, config.records))];
    sample = bundles.map((b) => b.persons);
    owned = bundles.map((b) => b.vehicles.filter((v) => v.person_id === b.persons[0]!.person_id));
    kept = bundles.map((b) => b.vehicles);
    households = bundles.map((b) => b.household);
  }
};
const HOUSEHOLD_ID = "00000000-0000-4000-8000-000000000000";

const stages: Record<string, (n: number) => number> = {
  persons: (n) => {
    for (let i = 0; i < n; i++) personRule.person(i, HOUSEHOLD_ID);
    return n;
  },
  vehicles: (n) => {
    withSample();
    let count = 0;
    for (let i = 0; i < n; i++) count += vehicleRule.vehiclesOf(sample[i % sample.length]!, i).length;
    return count;
  },
  profiles: (n) => {
    withSample();
    for (let i = 0; i < n; i++) profileRule.profileOf(sample[i % sample.length]![0]!, owned[i % sample.length]!, i, { policies: 1, claims: 0 });
    return n;
  },
  policies: (n) => {
    withSample();
    let count = 0;
    for (let i = 0; i < n; i++) {
      const k = i % sample.length;
      const book = policyRule.policiesOf(households[k]!, sample[k]!, kept[k]!, i);
      count += book.policies.length + book.drivers.length + book.policyVehicles.length + book.coverages.length + book.claims.length;
    }
    return count;
  },
  bundle: (n) => {
    for (const _ of createGenerator(config).range(0, n)) void _;
    return n;
  },
  // The FinTech pack: each customer with their accounts and 90 days of ledger; `persons` counts customers.
  fintech: (n) => {
    for (const _ of FINTECH_PACK.generate(parseSnapshotConfig({ pack: "fintech", records: Math.max(n, 1) })).range(0, n)) void _;
    return n;
  },
};
const run = stages[stage ?? ""];
if (!run) throw new Error(`unknown stage '${stage}'; stages: ${Object.keys(stages).join(", ")}`);
run(Math.min(persons, 20_000)); // warm-up: let the JIT settle before timing
const started = performance.now();
const count = run(persons);
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, count, persons, peakRssMb: peakRssMb() }));
