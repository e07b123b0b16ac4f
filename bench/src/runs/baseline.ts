// The baseline: a straightforward @faker-js/faker generator of the same Person and Vehicle shapes,
// written as JSON lines, the way most teams write it. No validation, one format. Prints
// { seconds, count (persons), records, bytes, peakRssMb }.
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { Faker, en } from "@faker-js/faker";
import { peakRssMb } from "../child.js";

const persons = Number(process.argv[2]);
const faker = new Faker({ locale: [en] });
faker.seed(42);
const dir = mkdtempSync(join(tmpdir(), "sdh-bench-baseline-"));
const out = createWriteStream(join(dir, "records.jsonl"));
const write = async (record: unknown) => {
  if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, "drain");
};

const started = performance.now();
let records = 0;
for (let i = 0; i < persons; i++) {
  const sex = faker.person.sexType();
  const first_name = faker.person.firstName(sex);
  const last_name = faker.person.lastName();
  const person_id = faker.string.uuid();
  await write({
    person_id,
    first_name,
    middle_name: faker.helpers.maybe(() => faker.person.middleName(sex), { probability: 0.6 }) ?? null,
    last_name,
    date_of_birth: faker.date.birthdate({ mode: "age", min: 16, max: 90, refDate: "2026-01-06" }).toISOString().slice(0, 10),
    gender: sex === "female" ? "F" : "M",
    marital_status: faker.helpers.arrayElement(["single", "married", "domestic_partner", "divorced", "widowed"]),
    email: faker.internet.email({ firstName: first_name, lastName: last_name, provider: "example.com" }),
    phone: `(${faker.string.numeric(3)}) 555-01${faker.string.numeric(2)}`,
    street: faker.location.streetAddress(),
    city: faker.location.city(),
    state: faker.location.state({ abbreviated: true }),
    postal_code: faker.location.zipCode("#####"),
    license_number: faker.string.alphanumeric({ length: 9, casing: "upper" }),
    license_state: faker.location.state({ abbreviated: true }),
    license_issue_date: faker.date.past({ years: 30, refDate: "2026-01-06" }).toISOString().slice(0, 10),
    lob_type: faker.helpers.weightedArrayElement([{ weight: 85, value: "personal" }, { weight: 15, value: "commercial" }]),
  });
  records++;
  for (let v = faker.number.int({ min: 0, max: 3 }); v > 0; v--) {
    await write({
      vehicle_id: faker.string.uuid(),
      person_id,
      vin: faker.vehicle.vin(),
      make: faker.vehicle.manufacturer(),
      model: faker.vehicle.model(),
      model_year: faker.number.int({ min: 2000, max: 2026 }),
      body_type: faker.vehicle.type(),
      usage: faker.helpers.arrayElement(["pleasure", "commute", "business"]),
      plate: faker.vehicle.vrm(),
      registration_state: faker.location.state({ abbreviated: true }),
      annual_mileage: faker.number.int({ min: 1_000, max: 30_000 }),
      garaging_postal_code: faker.location.zipCode("#####"),
      ownership: faker.helpers.arrayElement(["owned", "financed", "leased"]),
    });
    records++;
  }
}
out.end();
await once(out, "finish");
const seconds = (performance.now() - started) / 1000;
const bytes = statSync(join(dir, "records.jsonl")).size;
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ seconds, count: persons, records, bytes, peakRssMb: peakRssMb() }));
