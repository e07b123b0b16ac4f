import { createGenerator, GENERATOR, recordsByEntity, type HouseholdBundle } from "@sdh/rules";
import { columnsOf, Entity, ROOT_ENTITY, SCHEMA_VERSION, type SnapshotConfig } from "@sdh/schemas";

/** The demo files seed 001 names, under data/demo_samples/v0.6/: one per entity, and the bundle. */
export const DEMO_SAMPLE_FILES = [...Entity.options.map((e) => `${e}_sample.json` as const), "bundle_sample.json"] as const;
export type DemoSampleFile = `${Entity}_sample.json` | "bundle_sample.json";

/** How many households of each line the samples show: enough for a slide, both lines of business. */
export const DEMO_SAMPLE_HOUSEHOLDS = { personal: 3, commercial: 2 } as const;

/**
 * The demo samples for a config: the first households of the seeded snapshot until the sample holds
 * DEMO_SAMPLE_HOUSEHOLDS of each line and a household with claims (claims are rare: about one a decade
 * per vehicle), with everything they make. Records are exactly the snapshot's
 * (same seed, same indexes), fields in schema order, pretty-printed for people to read. Returns each
 * file's text by name; the same config gives the same bytes.
 */
export function demoSamples(config: SnapshotConfig): Record<DemoSampleFile, string> {
  const generator = createGenerator(config);
  const wanted: Record<"personal" | "commercial", number> = { ...DEMO_SAMPLE_HOUSEHOLDS };
  const picked: HouseholdBundle[] = [];
  let claimsShown = false;
  for (const bundle of generator.range(0, config.records)) {
    const lob = bundle.household.lob_type;
    const withClaims = !claimsShown && bundle.claims.length > 0;
    if (wanted[lob] === 0 && !withClaims) continue;
    wanted[lob] = Math.max(0, wanted[lob] - 1);
    claimsShown ||= bundle.claims.length > 0;
    picked.push(bundle);
    if (wanted.personal === 0 && wanted.commercial === 0 && claimsShown) break;
  }
  const ordered = (entity: Entity, record: object) => Object.fromEntries(columnsOf(entity).map((c) => [c.name, (record as Record<string, unknown>)[c.name] ?? null]));
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const byEntity = picked.map((b) => ({ index: b.index, records: recordsByEntity(b) }));
  const files = Object.fromEntries(
    Entity.options.map((e) => [`${e}_sample.json`, text(byEntity.flatMap((b) => b.records[e].map((r) => ordered(e, r))))]),
  ) as Record<`${Entity}_sample.json`, string>;
  return {
    ...files,
    "bundle_sample.json": text({
      schemaVersion: SCHEMA_VERSION,
      generator: GENERATOR,
      seed: config.seed,
      asOf: config.asOf,
      note: `The first ${ROOT_ENTITY} of the seeded snapshot until three personal, two commercial and one with claims are shown, each with everything it makes; \`index\` is its place in the snapshot.`,
      [ROOT_ENTITY]: byEntity.map((b) => ({ index: b.index, ...Object.fromEntries(Entity.options.map((e) => [e, b.records[e].map((r) => ordered(e, r))])) })),
    }),
  };
}
