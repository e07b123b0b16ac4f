import { packOf } from "@sdh/packs";
import { columnsOf, rootOf, SCHEMA_VERSION, type EntitySpec, type SnapshotConfig } from "@sdh/schemas";
import type { GeneratedRoot, Pack } from "@sdh/validation";

/** How many root records a pack that does not choose its samples shows. */
const DEFAULT_SAMPLE_ROOTS = 3;

/** The demo files of a pack: one per entity (`persons_sample.json`), and the bundle. */
export function demoSampleFiles(pack: Pack): string[] {
  return [...pack.spec.entities.map((e) => `${e.name}_sample.json`), "bundle_sample.json"];
}

/**
 * The demo samples for a config: root records of the seeded snapshot as its pack picks them (the
 * P&C pack: households of both lines and one with claims; others: the first three), with everything
 * they make. Records are exactly the snapshot's (same seed, same indexes), fields in schema order,
 * pretty-printed for people to read. Returns each file's text by name; the same config gives the same bytes.
 */
export function demoSamples(config: SnapshotConfig): Record<string, string> {
  const pack = packOf(config);
  const roots = pack.generate(config).range(0, config.records);
  const picked: GeneratedRoot[] = pack.samples ? pack.samples.pick(roots) : firstOf(roots, DEFAULT_SAMPLE_ROOTS);
  const note = pack.samples?.note ?? `The first ${DEFAULT_SAMPLE_ROOTS} ${rootOf(pack.spec).name} of the seeded snapshot`;
  const ordered = (entity: EntitySpec, record: object) => Object.fromEntries(columnsOf(entity).map((c) => [c.name, (record as Record<string, unknown>)[c.name] ?? null]));
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = Object.fromEntries(pack.spec.entities.map((e) => [`${e.name}_sample.json`, text(picked.flatMap((b) => (b.records[e.name] ?? []).map((r) => ordered(e, r))))]));
  return {
    ...files,
    "bundle_sample.json": text({
      schemaVersion: SCHEMA_VERSION,
      generator: pack.generator,
      seed: config.seed,
      asOf: config.asOf,
      note: `${note}, each with everything it makes; \`index\` is its place in the snapshot.`,
      [rootOf(pack.spec).name]: picked.map((b) => ({ index: b.index, ...Object.fromEntries(pack.spec.entities.map((e) => [e.name, (b.records[e.name] ?? []).map((r) => ordered(e, r))])) })),
    }),
  };
}

function firstOf(roots: Iterable<GeneratedRoot>, n: number): GeneratedRoot[] {
  const out: GeneratedRoot[] = [];
  for (const root of roots) {
    if (out.length === n) break;
    out.push(root);
  }
  return out;
}
