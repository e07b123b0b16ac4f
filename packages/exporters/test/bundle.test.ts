import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { BUNDLE_FILES, OutputExistsError, readEntityFile, validateBundle, verifyBundle, writeBundle } from "@sdh/exporters";
import { DuckDBInstance } from "@duckdb/node-api";
import { GENERATOR } from "@sdh/pack-pc";
import { Manifest, parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { buildBundle, tmp } from "./bundle-helpers.js";
import { pc, PC_ENTITIES } from "./pc-entities.js";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Every file's digest: the metadata included, since the recorded config leaves out the shard size (issue 16.7). */
const digests = (m: Manifest) => m.files.map((f) => `${f.path} ${f.sha256}`);

describe("writeBundle", () => {
  it("writes every governed file, each listed in the manifest with its true size and sha256", async () => {
    const { out, manifest } = await buildBundle({ records: 300 });
    expect(Manifest.parse(JSON.parse(readFileSync(join(out, BUNDLE_FILES.manifest), "utf8")))).toEqual(manifest);
    expect(manifest.files.map((f) => f.path)).toEqual([
      "SHA256SUMS",
      "claims_v0_9.csv", "claims_v0_9.json", "claims_v0_9.parquet",
      "coverages_v0_9.csv", "coverages_v0_9.json", "coverages_v0_9.parquet",
      "datapackage.json", "dataset_v0_9.json",
      "drivers_v0_9.csv", "drivers_v0_9.json", "drivers_v0_9.parquet",
      "households_v0_9.csv", "households_v0_9.json", "households_v0_9.parquet",
      "metadata_v0_9.json",
      "persons_v0_9.csv", "persons_v0_9.json", "persons_v0_9.parquet",
      "policies_v0_9.csv", "policies_v0_9.json", "policies_v0_9.parquet",
      "policy_vehicles_v0_9.csv", "policy_vehicles_v0_9.json", "policy_vehicles_v0_9.parquet",
      "profiles_v0_9.csv", "profiles_v0_9.json", "profiles_v0_9.parquet",
      "quality_report_v0_9.json", "quality_summary_v0_9.md",
      "schemas/claims.schema.json", "schemas/coverages.schema.json", "schemas/drivers.schema.json", "schemas/households.schema.json", "schemas/latest.schema.json", "schemas/manifest.schema.json",
      "schemas/persons.schema.json", "schemas/policies.schema.json", "schemas/policy_vehicles.schema.json",
      "schemas/profiles.schema.json", "schemas/vehicles.schema.json",
      "validation_report_v0_9.json",
      "vehicles_v0_9.csv", "vehicles_v0_9.json", "vehicles_v0_9.parquet",
    ]);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(out, file.path));
      expect({ path: file.path, bytes: bytes.length, sha256: sha(join(out, file.path)) }).toEqual({ path: file.path, bytes: file.bytes, sha256: file.sha256 });
    }
    expect(manifest.counts.households).toBe(300);
    expect(manifest.counts.persons).toBe(manifest.counts.profiles);
    expect(manifest.pack).toEqual({ name: "pc", version: GENERATOR.version });
    expect(manifest.files.filter((f) => f.entity === "vehicles").map((f) => f.records)).toEqual([manifest.counts.vehicles, manifest.counts.vehicles, manifest.counts.vehicles]);
    expect(manifest.validation).toEqual({ passed: true, errors: 0, warnings: 0 });
    expect(readdirSync(dirname(out))).toEqual(["bundle"]); // no staging folder left behind
  });

  it("gives identical bytes for the same config, whatever the shard size", async () => {
    const a = await buildBundle({ records: 400, seed: 9 });
    const b = await buildBundle({ records: 400, seed: 9, shardSize: 7 });
    expect(digests(b.manifest)).toEqual(digests(a.manifest));
    expect(b.manifest.snapshotId).toBe(a.manifest.snapshotId);
    expect(b.manifest.config).toEqual(a.manifest.config);
    expect(readFileSync(join(a.out, "persons_v0_9.parquet"))).toEqual(readFileSync(join(b.out, "persons_v0_9.parquet")));
  });

  it("splits large files into numbered parts, all listed and all read back", async () => {
    const { out, manifest } = await buildBundle({ records: 600, formats: ["csv", "parquet"] }, { partBytes: 40_000 });
    const parts = manifest.files.filter((f) => f.entity === "persons").map((f) => f.path);
    expect(parts.length).toBeGreaterThan(4);
    expect(parts[0]).toBe("persons_v0_9.part-0001.csv");
    expect(parts).toContain("persons_v0_9.part-0001.parquet");
    expect(manifest.files.filter((f) => f.path.endsWith(".csv") && f.entity === "persons").reduce((n, f) => n + f.records!, 0)).toBe(manifest.counts.persons);
    const checked = await validateBundle(out);
    expect(checked.validation.passed).toBe(true);
    expect(checked.formats).toEqual(["csv", "parquet"]);
  });

  it("writes JSON Lines with the JSON files' records, line for line, in parts, whatever the sharding; DuckDB and verify read them", async () => {
    const options = { partBytes: 30_000 };
    const whole = await buildBundle({ records: 400, seed: 6, formats: ["json", "jsonl"], shardSize: 400 }, options);
    const sharded = await buildBundle({ records: 400, seed: 6, formats: ["json", "jsonl"], shardSize: 33 }, options);
    expect(digests(sharded.manifest)).toEqual(digests(whole.manifest));
    for (const entity of PC_ENTITIES) {
      const parts = (format: string) => whole.manifest.files.filter((f) => f.entity === entity && f.format === format);
      const fromJson = parts("json").flatMap((f) => JSON.parse(readFileSync(join(whole.out, f.path), "utf8")) as unknown[]);
      const lines = parts("jsonl").flatMap((f) => {
        const text = readFileSync(join(whole.out, f.path), "utf8");
        expect(text.endsWith("}\n") && !text.startsWith("\n"), f.path).toBe(true);
        const records = text.slice(0, -1).split("\n").map((line) => JSON.parse(line) as unknown);
        expect(records.length, f.path).toBe(f.records);
        return records;
      });
      expect(lines).toEqual(fromJson);
    }
    expect(whole.manifest.files.filter((f) => f.format === "jsonl" && f.entity === "vehicles").length).toBeGreaterThan(3);
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const counted = (await db.runAndReadAll(`SELECT count(*) FROM read_json('${join(whole.out, "households_v0_9*.jsonl")}', format = 'newline_delimited')`)).getRows();
    expect(counted).toEqual([[400n]]);
    expect((await verifyBundle(whole.out)).mismatches).toEqual([]);
    expect((await validateBundle(whole.out)).validation.passed).toBe(true);
  });

  it("splits at the same records whatever the sharding, into parts that each read back", async () => {
    const options = { partBytes: 30_000 };
    const whole = await buildBundle({ records: 500, seed: 5, formats: ["csv", "json"], shardSize: 500 }, options);
    const sharded = await buildBundle({ records: 500, seed: 5, formats: ["csv", "json"], shardSize: 37 }, options);
    expect(digests(sharded.manifest)).toEqual(digests(whole.manifest));
    const jsonParts = whole.manifest.files.filter((f) => f.format === "json" && f.entity === "vehicles");
    expect(jsonParts.length).toBeGreaterThan(3);
    let total = 0;
    for (const [k, part] of jsonParts.entries()) {
      const text = readFileSync(join(whole.out, part.path), "utf8");
      const records = JSON.parse(text) as unknown[];
      expect(records.length).toBe(part.records);
      total += records.length;
      // A part closes after the record that takes it to partBytes: all but the last reach it.
      if (k < jsonParts.length - 1) expect(Buffer.byteLength(text) - "\n]\n".length).toBeGreaterThanOrEqual(options.partBytes);
    }
    expect(total).toBe(whole.manifest.counts.vehicles);
  });

  it("keeps names as written — apostrophes, hyphens, accents, suffixes — in CSV, JSON, JSON Lines and Parquet", async () => {
    const { out } = await buildBundle({ records: 3_000, formats: ["csv", "json", "jsonl", "parquet"] });
    const read = async (format: "csv" | "json" | "jsonl" | "parquet") => {
      const names: string[] = [];
      for await (const p of readEntityFile(pc("persons"), format, join(out, `persons_v0_9.${format}`))) {
        const person = p as { last_name: string; name_suffix: string | null };
        names.push(`${person.last_name}|${person.name_suffix ?? ""}`);
      }
      return names;
    };
    const csv = await read("csv");
    const special = csv.filter((n) => /['’\-áéíóúñÁÉÍÓÚÑ]|\|./.test(n));
    expect(special.some((n) => n.includes("'"))).toBe(true);
    expect(special.some((n) => n.includes("-"))).toBe(true);
    expect(special.some((n) => /[áéíóúñ]/i.test(n))).toBe(true);
    expect(special.some((n) => /\|(Jr\.|Sr\.|II|III|IV)$/.test(n))).toBe(true);
    for (const format of ["json", "jsonl", "parquet"] as const) expect(await read(format), format).toEqual(csv);
  });

  it("writes Parquet with real types that DuckDB reads back", async () => {
    const { out, manifest } = await buildBundle({ records: 50, formats: ["parquet"] });
    expect(readdirSync(out).some((f) => f.endsWith(".csv") || f.startsWith("."))).toBe(false);
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
    const types = Object.fromEntries((await read(`DESCRIBE SELECT * FROM '${join(out, "vehicles_v0_9.parquet")}'`)).map((r) => [r.column_name, r.column_type]));
    expect(types).toMatchObject({ vehicle_id: "VARCHAR", model_year: "INTEGER", annual_mileage: "INTEGER", gvwr_class: "VARCHAR" });
    const persons = await read(`DESCRIBE SELECT * FROM '${join(out, "persons_v0_9.parquet")}'`);
    expect(persons.find((r) => r.column_name === "date_of_birth")!.column_type).toBe("DATE");
    const [row] = await read(`SELECT count(*) AS n, count(middle_name) AS middle, min(date_of_birth) < DATE '1970-01-01' AS before_1970 FROM '${join(out, "persons_v0_9.parquet")}'`);
    expect(row).toMatchObject({ n: String(manifest.counts.persons), before_1970: true });
    const [households] = await read(`SELECT count(*) AS n, sum(member_count) AS members FROM '${join(out, "households_v0_9.parquet")}'`);
    expect(households).toMatchObject({ n: "50", members: String(manifest.counts.persons) });
  });

  it("refuses a non-empty folder unless forced, and replaces it when forced", async () => {
    const config = parseSnapshotConfig({ records: 20 });
    const out = join(tmp(), "taken");
    await buildBundle({ records: 20 }, { out });
    writeFileSync(join(out, "note.txt"), "mine");
    await expect(writeBundle({ config, snapshotId: "x", out })).rejects.toThrow(OutputExistsError);
    expect(existsSync(join(out, "note.txt"))).toBe(true);
    await writeBundle({ config, snapshotId: "x", out, force: true });
    expect(existsSync(join(out, "note.txt"))).toBe(false);
  });

  it("leaves nothing that looks like a bundle when interrupted", async () => {
    const parent = tmp();
    const out = join(parent, "never");
    const config = parseSnapshotConfig({ records: 5_000 });
    const stop = (done: number) => {
      if (done >= 2_000) throw new Error("interrupted");
    };
    await expect(writeBundle({ config, snapshotId: "x", out, onProgress: stop })).rejects.toThrow("interrupted");
    expect(readdirSync(parent)).toEqual([]);
  });

  it("removes what a killed build left beside its folder, and refuses --out that is a file", async () => {
    const parent = tmp();
    const out = join(parent, "built");
    // A process that has ended, as `generate` killed with SIGKILL leaves it: its hidden folder stays.
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    mkdirSync(join(parent, `.built.partial-${ended}-0badf00d`, ".shards"), { recursive: true });
    await buildBundle({ records: 20 }, { out });
    expect(readdirSync(parent)).toEqual(["built"]);
    const file = join(parent, "a-file");
    writeFileSync(file, "x");
    await expect(writeBundle({ config: parseSnapshotConfig({ records: 20 }), snapshotId: "x", out: file })).rejects.toThrow(/is a file, not a folder/);
  });
});
