import { createGenerator, GENERATOR } from "@sdh/rules";
import { columnsOf, SCHEMA_VERSION, type Entity, type Person, type Profile, type SnapshotConfig, type Vehicle } from "@sdh/schemas";

/** The demo files seed 001 names, under data/demo_samples/v0.2/. */
export const DEMO_SAMPLE_FILES = ["persons_sample.json", "vehicles_sample.json", "profiles_sample.json", "bundle_sample.json"] as const;

/** How many persons of each line the samples show: enough for a slide, both lines of business. */
export const DEMO_SAMPLE_PERSONS = { personal: 3, commercial: 2 } as const;

/**
 * The demo samples for a config: the first persons of the seeded snapshot until the sample holds
 * DEMO_SAMPLE_PERSONS of each line, with their vehicles and profiles. Records are exactly the
 * snapshot's (same seed, same indexes), fields in schema order, pretty-printed for people to read.
 * Returns each file's text by name; the same config gives the same bytes.
 */
export function demoSamples(config: SnapshotConfig): Record<(typeof DEMO_SAMPLE_FILES)[number], string> {
  const generator = createGenerator(config);
  const wanted: Record<"personal" | "commercial", number> = { ...DEMO_SAMPLE_PERSONS };
  const picked: Array<{ index: number; person: Person; vehicles: Vehicle[]; profile: Profile }> = [];
  for (const bundle of generator.range(0, config.records)) {
    const lob = bundle.person.lob_type;
    if (wanted[lob] === 0) continue;
    wanted[lob]--;
    picked.push(bundle);
    if (wanted.personal === 0 && wanted.commercial === 0) break;
  }
  const ordered = (entity: Entity, record: object) => Object.fromEntries(columnsOf(entity).map((c) => [c.name, (record as Record<string, unknown>)[c.name] ?? null]));
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    "persons_sample.json": text(picked.map((b) => ordered("persons", b.person))),
    "vehicles_sample.json": text(picked.flatMap((b) => b.vehicles.map((v) => ordered("vehicles", v)))),
    "profiles_sample.json": text(picked.map((b) => ordered("profiles", b.profile))),
    "bundle_sample.json": text({
      schemaVersion: SCHEMA_VERSION,
      generator: GENERATOR,
      seed: config.seed,
      asOf: config.asOf,
      note: "The first persons of the seeded snapshot until three personal and two commercial are shown, each with their vehicles and profile; `index` is the person's place in the snapshot.",
      persons: picked.map((b) => ({
        index: b.index,
        person: ordered("persons", b.person),
        vehicles: b.vehicles.map((v) => ordered("vehicles", v)),
        profile: ordered("profiles", b.profile),
      })),
    }),
  };
}
