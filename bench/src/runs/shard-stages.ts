// The shard step's per-record stages, each alone on one core, against the whole step on the same
// households (issue 37: "profile the whole path"): where a row's CPU goes, and what the stages cost
// together beyond their sum. `npx tsx src/runs/shard-stages.ts [households] [rounds]` from bench/.
// Each round runs every stage alone, then all in one pass, then `buildShard` (in this process, no
// thread pool, into a temporary folder), so a machine's drift moves them alike. CPU time of the process (every thread), µs a row.
// Prints one JSON line per round, then the digests of the stages' outputs (the same every round; a
// faster build of a stage must keep them).
//   generate — the pack's generator, streamed (records dropped as a shard drops them);
//   gate     — the validation gate's checks alone (schema, keys, references, the pack's rules), over
//              records generated beforehand, household by household in the pack's entity order;
//   quality  — the quality report's column profiles and the pack's tallies, over the same records;
//   csv/json — each record encoded as its segment holds it, into a buffer, hashed as the segment is;
//   pass     — generation, gate, quality and both encodings in one pass, each household through every
//              stage in turn (as a shard ran them before it took 64 households through each stage
//              together), into buffers (no files): against the stages' sum, what sharing one pass costs;
//   shard    — all of it as a snapshot builds a shard, files written.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildShard, createCsvEncoder, createJsonEncoder, type RecordEncoder } from "@sdh/exporters";
import { PC_PACK } from "@sdh/pack-pc";
import { columnsOf, parseSnapshotConfig, recordedConfig } from "@sdh/schemas";
import { QualityCollector, ValidationGate } from "@sdh/validation";

const households = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 4);
const ALL_STAGES = ["generate", "gate", "quality", "csv", "json", "pass", "shard"];
const only = process.argv[4]?.split(",") ?? ALL_STAGES;
const unknownStage = only.find((name) => !ALL_STAGES.includes(name));
if (unknownStage) throw new Error(`no stage named '${unknownStage}' (stages: ${ALL_STAGES.join(", ")})`);
for (const [name, value] of [["households", households], ["rounds", rounds]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${process.argv[name === "households" ? 2 : 3]})`);
}
const config = parseSnapshotConfig({ records: households, shardSize: households });
const pack = PC_PACK;
const entities = pack.spec.entities.map((e) => e.name);
type Records = Record<string, ReadonlyArray<Record<string, unknown>> | undefined>;

/** CPU microseconds of this process (every thread) while `work` runs. */
async function cpuOf(work: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Every record in the order a shard's gate sees them: household by household, entities in the pack's order. */
function eachRecord(held: readonly Records[], visit: (entity: string, record: Record<string, unknown>) => void): void {
  for (const records of held) for (const e of entities) for (const record of records[e] ?? []) visit(e, record);
}

/** Encoded text into a 1 MB buffer hashed as it fills: a SegmentWriter without its file. */
class HashedBuffer {
  private readonly hash = createHash("sha256");
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  write(text: string): void {
    if (this.used + text.length * 3 > this.buffer.length) {
      this.hash.update(this.buffer.subarray(0, this.used));
      this.used = 0;
    }
    this.used += this.buffer.write(text, this.used);
  }
  digest(): string {
    return this.hash.update(this.buffer.subarray(0, this.used)).digest("hex");
  }
}

/** Encodes every record, as a SegmentWriter does (but into one buffer for every entity). */
function encodeAll(held: readonly Records[], make: (columns: ReturnType<typeof columnsOf>) => RecordEncoder): string {
  const encoders = Object.fromEntries(pack.spec.entities.map((e) => [e.name, make(columnsOf(e))]));
  const out = new HashedBuffer();
  eachRecord(held, (entity, record) => out.write(encoders[entity]!(record)));
  return out.digest();
}

const stages: Record<string, (held: readonly Records[]) => string> = {
  gate(held) {
    const gate = new ValidationGate({ asOf: config.asOf, seed: config.seed, expectedPersons: households, pack: pack.checks });
    eachRecord(held, (entity, record) => gate.check(entity, record));
    return sha256(JSON.stringify(gate.finishShard().result));
  },
  quality(held) {
    const collector = new QualityCollector(pack);
    eachRecord(held, (entity, record) => collector.observe(entity, record));
    return sha256(JSON.stringify(collector.report(recordedConfig(config))));
  },
  csv: (held) => encodeAll(held, createCsvEncoder),
  json: (held) => encodeAll(held, createJsonEncoder),
};

/** One pass without files, a household at a time: generated, gated (quality observing), then encoded. */
function onePass(): void {
  const quality = new QualityCollector(pack);
  const gate = new ValidationGate({ asOf: config.asOf, seed: config.seed, expectedPersons: households, observers: [quality], pack: pack.checks });
  const outputs = [createCsvEncoder, createJsonEncoder].map((make) => pack.spec.entities.map((e) => ({ encode: make(columnsOf(e)), out: new HashedBuffer() })));
  for (const { records } of pack.generate(config).range(0, households)) {
    for (const e of entities) for (const record of records[e] ?? []) gate.check(e, record);
    for (const format of outputs) {
      entities.forEach((e, i) => {
        const { encode, out } = format[i]!;
        for (const record of records[e] ?? []) out.write(encode(record));
      });
    }
  }
  gate.finishShard();
  quality.report(recordedConfig(config));
}

const digests: Record<string, string> = {};
for (let round = 0; round < rounds; round++) {
  let rows = 0;
  const micros: Record<string, number> = {};
  micros.generate = await cpuOf(() => {
    for (const root of pack.generate(config).range(0, households)) for (const e of entities) rows += root.records[e]?.length ?? 0;
  });
  const held: Records[] = [...pack.generate(config).range(0, households)].map((root) => root.records);
  for (const [name, run] of Object.entries(stages)) if (only.includes(name)) micros[name] = await cpuOf(() => (digests[name] = run(held)));
  held.length = 0;
  const sum = Object.values(micros).reduce((a, b) => a + b, 0);
  if (only.includes("pass")) micros.pass = await cpuOf(onePass);
  if (only.includes("shard")) {
    const folder = mkdtempSync(join(tmpdir(), "sdh-shard-stages-"));
    try {
      micros.shard = await cpuOf(() => buildShard({ shard: 0, start: 0, end: households, config, dir: join(folder, "shard") }));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const perRow = (us: number) => Number((us / rows).toFixed(2));
  console.log(JSON.stringify({ round, households, rows, microsPerRow: { ...Object.fromEntries(Object.entries(micros).map(([k, v]) => [k, perRow(v)])), sumOfStages: perRow(sum) }, ...(micros.pass === undefined ? {} : { passOverSum: Number((micros.pass / sum).toFixed(2)) }), ...(micros.shard === undefined ? {} : { shardOverSum: Number((micros.shard / sum).toFixed(2)) }) }));
}
console.log(JSON.stringify({ digests }));
