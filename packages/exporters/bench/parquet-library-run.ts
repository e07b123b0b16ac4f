// One candidate writing `rows` persons to `out`; prints {seconds, peakRssMb} as JSON. Generation time is
// excluded: records are made in batches and only the library's calls are timed.
import { rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { createTextEntityWriter } from "@sdh/exporters";
import { createGenerator } from "@sdh/pack-pc";
import { columnsOf, parseSnapshotConfig } from "@sdh/schemas";
import { type Person } from "@sdh/pack-pc";
import { DuckDBInstance } from "@duckdb/node-api";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import parquet from "parquetjs-lite";

const [library, rowsText, out] = process.argv.slice(2) as [string, string, string];
const rows = Number(rowsText);
const columns = columnsOf("persons");
const generator = createGenerator(parseSnapshotConfig({ records: rows }));
const BATCH = 50_000;
let writeSeconds = 0;
let generateSeconds = 0;

function* batches(): Generator<Person[]> {
  for (let start = 0; start < rows; start += BATCH) {
    const t = performance.now();
    const batch: Person[] = [];
    for (let i = start; i < Math.min(rows, start + BATCH); i++) batch.push(generator.person(i));
    generateSeconds += (performance.now() - t) / 1000;
    yield batch;
  }
}
const epochDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
async function timed<T>(work: () => Promise<T> | T): Promise<T> {
  const t = performance.now();
  const result = await work();
  writeSeconds += (performance.now() - t) / 1000;
  return result;
}

if (library === "none") {
  for (const batch of batches()) void batch;
} else if (library === "hyparquet-writer" || library === "hyparquet-writer-nostats") {
  const file = await open(out, "w");
  const writer = new ByteWriter() as ByteWriter & { flush(): Promise<void> };
  writer.flush = async () => {
    await file.write(new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  const schema = [
    { name: "root", num_children: columns.length },
    ...columns.map((c) => ({
      name: c.name,
      repetition_type: c.nullable ? ("OPTIONAL" as const) : ("REQUIRED" as const),
      ...(c.type === "date" ? { type: "INT32" as const, converted_type: "DATE" as const } : { type: "BYTE_ARRAY" as const, converted_type: "UTF8" as const }),
    })),
  ];
  const pq = new ParquetWriter({ writer, schema, codec: "SNAPPY", statistics: library === "hyparquet-writer" });
  for (const batch of batches()) {
    await timed(() =>
      pq.write({
        columnData: columns.map((c) => ({
          name: c.name,
          data: c.type === "date" ? batch.map((p) => epochDay(p[c.name as keyof Person] as string)) : batch.map((p) => p[c.name as keyof Person]),
        })),
        rowGroupSize: BATCH,
      }),
    );
  }
  await timed(async () => {
    pq.finish();
    await writer.flush();
    await file.close();
  });
} else if (library === "parquetjs-lite") {
  const fields = Object.fromEntries(columns.map((c) => [c.name, { type: c.type === "date" ? "DATE" : "UTF8", optional: c.nullable, compression: "SNAPPY" }]));
  const writer = await parquet.ParquetWriter.openFile(new parquet.ParquetSchema(fields), out);
  writer.setRowGroupSize(BATCH);
  for (const batch of batches()) {
    await timed(async () => {
      for (const p of batch) {
        const row: Record<string, unknown> = {};
        for (const c of columns) {
          const v = p[c.name as keyof Person];
          // Its DATE type rejects a negative day number (before 1970), so it gets a Date object.
          if (v !== null) row[c.name] = c.type === "date" ? new Date(epochDay(v as string) * 86_400_000) : v;
        }
        await writer.appendRow(row);
      }
    });
  }
  await timed(() => writer.close());
} else if (library === "duckdb") {
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await db.connect();
  const ddl = columns.map((c) => `${c.name} ${c.type === "date" ? "DATE" : "VARCHAR"}${c.nullable ? "" : " NOT NULL"}`).join(", ");
  await connection.run(`CREATE TABLE persons (${ddl})`);
  const appender = await connection.createAppender("persons");
  for (const batch of batches()) {
    await timed(() => {
      for (const p of batch) {
        for (const c of columns) {
          const v = p[c.name as keyof Person];
          if (v === null) appender.appendNull();
          else appender.appendVarchar(v as string);
        }
        appender.endRow();
      }
    });
  }
  await timed(async () => {
    appender.closeSync();
    await connection.run(`COPY persons TO '${out}' (FORMAT parquet, COMPRESSION snappy)`);
  });
}

if (library === "duckdb-from-csv") {
  // Our own CSV writer, then DuckDB's COPY: the CSV is written anyway when the bundle has CSV.
  const csv = `${out}.csv`;
  const writer = createTextEntityWriter("persons", "csv", csv);
  for (const batch of batches()) {
    await timed(async () => {
      for (const p of batch) await writer.write(p);
    });
  }
  await timed(async () => {
    await writer.close();
    const db = await DuckDBInstance.create(":memory:", { threads: "1" });
    const connection = await db.connect();
    const types = columns.map((c) => `'${c.name}': '${c.type === "date" ? "DATE" : "VARCHAR"}'`).join(", ");
    const notNull = columns.filter((c) => !c.nullable).map((c) => `'${c.name}'`).join(", ");
    await connection.run(
      `COPY (SELECT * FROM read_csv('${csv}', header = true, columns = {${types}}, force_not_null = [${notNull}])) TO '${out}' (FORMAT parquet, COMPRESSION snappy)`,
    );
  });
  rmSync(csv);
}

const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ library, seconds: writeSeconds, generateSeconds, peakRssMb }));
