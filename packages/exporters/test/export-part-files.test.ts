import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { exportDataFiles, exportPartFiles, planShards, runShards, shardFolderName, validateBundle, verifyBundle } from "@sdh/exporters";
import { PC_PACK } from "@sdh/pack-pc";
import { parseSnapshotConfig } from "@sdh/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBundle, tmp } from "./bundle-helpers.js";

// The parts layout's writer (ADR 0028, proposed): parts of 100 households from shards of 50, against
// the single-file export of the same shards.
describe("the parts layout's files", () => {
  const config = parseSnapshotConfig({ records: 300, seed: 5, shardSize: 50, formats: ["csv", "json", "jsonl", "parquet"] });
  const entities = PC_PACK.spec.entities.map((e) => e.name);
  const work = tmp();
  const shardsDir = join(work, "shards");
  const single = join(work, "single");
  const parted = join(work, "parts");
  let partFiles: Awaited<ReturnType<typeof exportPartFiles>>[] = [];
  let singleFiles: Awaited<ReturnType<typeof exportDataFiles>> = [];

  beforeAll(async () => {
    const shards = await runShards(planShards(config.records, config.shardSize).map((r) => ({ ...r, config, dir: join(shardsDir, shardFolderName(r.shard)) })), { workers: 1 });
    singleFiles = await exportDataFiles({ config, shardsDir, shards, snapshotId: "parts-test", dir: single, partBytes: 1 << 30 });
    partFiles = [];
    for (let part = 0; part < 3; part++) partFiles.push(await exportPartFiles({ config, shardsDir, shards: shards.slice(2 * part, 2 * part + 2), snapshotId: "parts-test", dir: parted, part }));
  }, 120_000);

  const text = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
  const singleOf = (entity: string, format: string) => singleFiles.find((f) => f.entity === entity && f.format === format)!.path;

  it("names each part <entity>/part-NNNNN.<format>, with its digest and records, and holds every record once", () => {
    expect(partFiles[1]!.map((f) => f.path)).toContain("persons/part-00001.csv");
    expect(partFiles[2]!.map((f) => f.path)).toContain("claims/part-00002.parquet");
    for (const entity of entities) {
      for (const format of ["csv", "json", "jsonl", "parquet"]) {
        const inParts = partFiles.flat().filter((f) => f.entity === entity && f.format === format);
        expect(inParts.length, `${entity} ${format}`).toBe(3);
        expect(inParts.reduce((n, f) => n + f.records, 0)).toBe(singleFiles.find((f) => f.entity === entity && f.format === format)!.records);
        for (const f of inParts) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it("holds the single file's rows in the same order: CSV rows, JSON records, JSON Lines bytes", () => {
    for (const entity of entities) {
      const paths = (format: string) => partFiles.map((files) => files.find((f) => f.entity === entity && f.format === format)!.path);
      const csv = paths("csv").map((p) => text(parted, p).split("\n"));
      const header = text(single, singleOf(entity, "csv")).split("\n")[0];
      for (const lines of csv) expect(lines[0]).toBe(header);
      expect([header, ...csv.flatMap((lines) => lines.slice(1).filter((l) => l !== ""))].join("\n") + "\n").toBe(text(single, singleOf(entity, "csv")));
      expect(paths("json").flatMap((p) => JSON.parse(text(parted, p)) as unknown[])).toEqual(JSON.parse(text(single, singleOf(entity, "json"))));
      expect(paths("jsonl").map((p) => text(parted, p)).join("")).toBe(text(single, singleOf(entity, "jsonl")));
    }
  });

  it("reads in DuckDB as one table from the entity's folder, row for row the single Parquet file", async () => {
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    for (const entity of ["persons", "coverages", "claims"]) {
      const parts = (await db.runAndReadAll(`SELECT * FROM read_parquet('${join(parted, entity, "*.parquet")}')`)).getRows();
      const whole = (await db.runAndReadAll(`SELECT * FROM read_parquet('${join(single, singleOf(entity, "parquet"))}')`)).getRows();
      expect(parts.length, entity).toBeGreaterThan(0);
      expect(parts).toEqual(whole);
    }
  });
});

describe("a bundle in the parts layout", () => {
  it("is written by writeBundle, listed part by part in the manifest and data package, and verifies and validates", async () => {
    const { out, manifest } = await buildBundle({ records: 250, seed: 9, shardSize: 50, layout: { kind: "parts", roots: 100 }, formats: ["csv", "jsonl", "parquet"] });
    const paths = manifest.files.map((f) => f.path);
    for (const part of ["00000", "00001", "00002"]) for (const format of ["csv", "jsonl", "parquet"]) expect(paths).toContain(`persons/part-${part}.${format}`);
    expect(paths.some((p) => /_v0_9\.(csv|jsonl|parquet)$/.test(p))).toBe(false);
    expect(manifest.config.layout).toEqual({ kind: "parts", roots: 100 });
    const datapackage = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8")) as { resources: Array<{ name: string; path: string | string[] }> };
    expect(datapackage.resources.find((r) => r.name === "persons")!.path).toEqual(["persons/part-00000.csv", "persons/part-00001.csv", "persons/part-00002.csv"]);
    expect((await verifyBundle(out)).mismatches).toEqual([]);
    expect((await validateBundle(out)).validation.passed).toBe(true);
  }, 60_000);

  it("is refused when a part would split a shard: roots must be a multiple of shardSize", () => {
    expect(() => parseSnapshotConfig({ records: 250, shardSize: 40, layout: { kind: "parts", roots: 100 } })).toThrow(/layout\.roots: must be a multiple of shardSize \(40\)/);
  });
});
