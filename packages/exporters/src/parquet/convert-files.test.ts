import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { createGenerator } from "@sdh/pack-pc";
import { columnsOf, parseSnapshotConfig } from "@sdh/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { createCsvEncoder, csvHeader } from "../records/record-formats.js";
import { convertFilesToParquet } from "./convert-files.js";
import { ParquetSlots } from "./parquet-slots.js";
import { createParquetConverter } from "./duckdb-parquet.js";
import { pc } from "../../test/pc-entities.js";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function rowGroups(path: string): Promise<number[]> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(`SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata('${path}') GROUP BY row_group_id ORDER BY row_group_id`);
  connection.closeSync();
  db.closeSync();
  return reader.getRows().map((row) => Number(row[1]));
}

describe("convertFilesToParquet", () => {
  const dir = mkdtempSync(join(tmpdir(), "sdh-parquet-"));
  const csvPath = join(dir, "vehicles.csv");
  let rows = 0;

  // A vehicles CSV of several row groups: the vehicles of 2,000 persons, repeated. DuckDB's
  // multi-threaded COPY cut such files into row groups that varied from run to run.
  beforeAll(() => {
    const columns = columnsOf(pc("vehicles"));
    const encode = createCsvEncoder(columns);
    let body = "";
    for (const { vehicles } of createGenerator(parseSnapshotConfig({ records: 2_000, seed: 7 })).range(0, 2_000)) {
      for (const v of vehicles) body += encode(v);
      rows += vehicles.length;
    }
    const copies = Math.ceil(400_000 / rows);
    writeFileSync(csvPath, csvHeader(columns) + body.repeat(copies));
    rows *= copies;
  });

  it("converts on one DuckDB thread: with more, row groups (and bytes) followed thread timing (ADR 0012)", async () => {
    const converter = await createParquetConverter();
    converter.close();
    expect(converter.threads).toBe(1);
  });

  it("gives the same bytes for a multi-row-group file whether files convert one or two at a time", async () => {
    const outs = ["a", "b", "c"].map((name) => join(dir, `${name}.parquet`));
    const together = await convertFilesToParquet(outs.slice(0, 2).map((parquetPath) => ({ entity: pc("vehicles"), csvPath, parquetPath })), 2);
    const alone = await convertFilesToParquet([{ entity: pc("vehicles"), csvPath, parquetPath: outs[2]! }], 1);
    expect([...together, ...alone]).toEqual([rows, rows, rows]);
    expect((await rowGroups(outs[0]!)).length).toBeGreaterThanOrEqual(3);
    expect(new Set(outs.map(sha)).size).toBe(1);
  });

  it("returns rows in the jobs' order and throws the failure of one file after the others end", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, `${csvHeader(columnsOf(pc("vehicles")))}not,a,vehicle\n`);
    const jobs = [
      { entity: pc("vehicles"), csvPath: bad, parquetPath: join(dir, "bad.parquet") },
      { entity: pc("vehicles"), csvPath, parquetPath: join(dir, "good.parquet") },
    ];
    await expect(convertFilesToParquet(jobs, 2)).rejects.toThrow(/bad\.csv/);
    expect(await convertFilesToParquet(jobs.slice(1), 2)).toEqual([rows]);
  });

  it("shares a process's slots between concurrent calls: one DuckDB conversion at a time, the same bytes", async () => {
    const slots = new ParquetSlots(1);
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, slots.busy)), 1);
    const outs = ["s1", "s2"].map((name) => join(dir, `${name}.parquet`));
    // Two parts exporting at once in one worker, each with its one lane.
    const converted = await Promise.all(outs.map((parquetPath) => convertFilesToParquet([{ entity: pc("vehicles"), csvPath, parquetPath }], 1, slots)));
    clearInterval(watch);
    expect(converted).toEqual([[rows], [rows]]);
    expect(most).toBe(1);
    expect(slots.busy).toBe(0);
    expect(sha(outs[0]!)).toBe(sha(outs[1]!));
  });
});
