// The shard step's per-record stages, each alone on one core, over records generated beforehand
// (issue 37: "profile the whole path"): where a row's CPU goes, and a digest per stage so a faster
// build of a stage can be held to the same output. `npx tsx src/runs/shard-stages.ts [households]
// [stages, e.g. gate,quality]`. Each stage runs twice (the second, warm, is reported). Prints
// { rows, microsPerRow: { stage: µs }, digests: { stage: sha256 } }.
//   generate — the pack's generator, every household's records (the records the others read);
//   gate     — the validation gate's checks alone (schema, keys, references, the pack's rules);
//   quality  — the quality report's column profiles and the pack's tallies;
//   csv/json — each record encoded as its segment holds it, into a buffer, hashed as the segment is.
import { createHash } from "node:crypto";
import { createCsvEncoder, createJsonEncoder, type RecordEncoder } from "@sdh/exporters";
import { PC_PACK } from "@sdh/pack-pc";
import { columnsOf, parseSnapshotConfig, recordedConfig } from "@sdh/schemas";
import { QualityCollector, ValidationGate } from "@sdh/validation";

const households = Number(process.argv[2] ?? 20_000);
const only = process.argv[3]?.split(",");
const config = parseSnapshotConfig({ records: households });
const pack = PC_PACK;
const entities = pack.spec.entities.map((e) => e.name);

const generated = performance.now();
const records = [...pack.generate(config).range(0, households)].map((root) => root.records);
const generateSeconds = (performance.now() - generated) / 1000;
const rows = records.reduce((n, r) => n + entities.reduce((m, e) => m + (r[e]?.length ?? 0), 0), 0);

/** Every record in the order a shard's gate sees them: household by household, entities in the pack's order. */
function eachRecord(visit: (entity: string, record: Record<string, unknown>) => void): void {
  for (const r of records) for (const e of entities) for (const record of r[e] ?? []) visit(e, record);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Encodes every record into a 1 MB buffer, hashed as it fills, as a SegmentWriter does. */
function encodeAll(make: (columns: ReturnType<typeof columnsOf>) => RecordEncoder): string {
  const encoders = Object.fromEntries(pack.spec.entities.map((e) => [e.name, make(columnsOf(e))]));
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  eachRecord((entity, record) => {
    const text = encoders[entity]!(record);
    if (used + text.length * 3 > buffer.length) {
      hash.update(buffer.subarray(0, used));
      used = 0;
    }
    used += buffer.write(text, used);
  });
  return hash.update(buffer.subarray(0, used)).digest("hex");
}

const stages: Record<string, () => string> = {
  gate() {
    const gate = new ValidationGate({ asOf: config.asOf, seed: config.seed, expectedPersons: households, pack: pack.checks });
    eachRecord((entity, record) => gate.check(entity, record));
    return sha256(JSON.stringify(gate.finishShard().result));
  },
  quality() {
    const collector = new QualityCollector(pack);
    eachRecord((entity, record) => collector.observe(entity, record));
    return sha256(JSON.stringify(collector.report(recordedConfig(config))));
  },
  csv: () => encodeAll(createCsvEncoder),
  json: () => encodeAll(createJsonEncoder),
};

const microsPerRow: Record<string, number> = { generate: (generateSeconds * 1e6) / rows };
const digests: Record<string, string> = {};
for (let round = 0; round < 2; round++) {
  for (const [name, run] of Object.entries(stages)) {
    if (only && !only.includes(name)) continue;
    const started = performance.now();
    digests[name] = run();
    microsPerRow[name] = ((performance.now() - started) * 1000) / rows;
  }
}
console.log(JSON.stringify({ households, rows, microsPerRow: Object.fromEntries(Object.entries(microsPerRow).map(([k, v]) => [k, Number(v.toFixed(2))])), digests }));
