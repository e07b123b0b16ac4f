// `pnpm bench` for @sdh/rules: generation throughput on one core, median of several runs, against
// a straightforward faker generator of the same Person shape (the way most teams write it).
import { Faker, en } from "@faker-js/faker";
import { parseSnapshotConfig } from "@sdh/schemas";
import { cpus } from "node:os";

// The reference tables (data/) load when the rules are first imported, once per thread: measure what
// that costs before anything else runs. `--expose-gc` makes the heap figure exact (tsx passes it on).
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const loadStart = performance.now();
const { createGenerator, createPersonRule, createVehicleRule } = await import("../src/index.js");
const loadMs = performance.now() - loadStart;
gc?.();
const referenceHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

const quick = process.argv.includes("--quick") || process.env.SDH_BENCH_MODE === "quick";
const RUNS = quick ? 3 : 5;
const N = quick ? 50_000 : 200_000;
const config = parseSnapshotConfig({ records: 1_000_000, seed: 42 });

function measure(label: string, unit: string, run: () => number): { label: string; unit: string; median: number; min: number; max: number } {
  run(); // warm-up: let the JIT settle before timing
  const rates: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    const count = run();
    rates.push(count / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { label, unit, median: rates[Math.floor(rates.length / 2)]!, min: rates[0]!, max: rates.at(-1)! };
}

const persons = createPersonRule(config);
const vehicles = createVehicleRule(config);
const generator = createGenerator(config);
// A small sample of owners, reused: a large live heap would slow every GC and measure the collector.
const SAMPLE = 2_000;
const sample = Array.from({ length: SAMPLE }, (_, i) => [persons.person(i, "00000000-0000-4000-8000-000000000000")]);

function fakerBaseline(count: number): number {
  const faker = new Faker({ locale: [en] });
  faker.seed(42);
  for (let i = 0; i < count; i++) {
    const sex = faker.person.sexType();
    const first_name = faker.person.firstName(sex);
    const last_name = faker.person.lastName();
    void {
      person_id: faker.string.uuid(),
      first_name,
      middle_name: faker.person.middleName(sex),
      last_name,
      date_of_birth: faker.date.birthdate({ mode: "age", min: 16, max: 90, refDate: "2026-01-06" }).toISOString().slice(0, 10),
      gender: sex,
      email: faker.internet.email({ firstName: first_name, lastName: last_name, provider: "example.com" }),
      phone: faker.phone.number(),
      street: faker.location.streetAddress(),
      city: faker.location.city(),
      state: faker.location.state({ abbreviated: true }),
      postal_code: faker.location.zipCode("#####"),
      license_number: faker.string.alphanumeric(9),
    };
  }
  return count;
}

const results = [
  measure("persons", "persons/s", () => {
    for (let i = 0; i < N; i++) persons.person(i, "00000000-0000-4000-8000-000000000000");
    return N;
  }),
  measure("vehicles", "vehicles/s", () => {
    let count = 0;
    for (let i = 0; i < N; i++) count += vehicles.vehiclesOf(sample[i % SAMPLE]!, i).length;
    return count;
  }),
  measure("households + persons + vehicles + profiles", "households/s", () => {
    for (const _ of generator.range(0, N)) void _;
    return N;
  }),
  measure("baseline: plain faker person", "persons/s", () => fakerBaseline(quick ? 10_000 : 30_000)),
];

const baseline = results.at(-1)!.median;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(`\n@sdh/rules generation — ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, Node ${process.versions.node}, one core, ${RUNS} runs of ${fmt(N)}\n`);
console.log(`Reference tables: loaded in ${loadMs.toFixed(0)} ms, ${referenceHeapMb.toFixed(1)} MiB of heap${gc ? "" : " (approximate: run with --expose-gc)"}\n`);
console.log("| stage | median | spread (min–max) | × baseline |");
console.log("| --- | ---: | ---: | ---: |");
for (const r of results) {
  console.log(`| ${r.label} | ${fmt(r.median)} ${r.unit} | ${fmt(r.min)}–${fmt(r.max)} | ${(r.median / baseline).toFixed(1)}× |`);
}
