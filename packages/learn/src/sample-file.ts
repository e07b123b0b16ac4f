import { statSync } from "node:fs";
import { basename, extname } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { SAMPLE_LIMITS } from "./sample-limits.js";

// Reading a sample table: one file per table, CSV, JSON (an array or one object per line), JSONL or
// Parquet, through DuckDB's readers (their type detection reads the whole file, so a late odd value
// does not break a column's type). A sample is data: a regular file of bounded size and rows, read,
// never run. Values come back as numbers, booleans, dates (YYYY-MM-DD), timestamps (ISO, UTC) or text.

export { SAMPLE_LIMITS };
export const SAMPLE_FORMATS = { ".csv": "read_csv", ".tsv": "read_csv", ".json": "read_json", ".jsonl": "read_json", ".ndjson": "read_json", ".parquet": "read_parquet" } as const;

export type Cell = number | string | boolean | null;
export type ColumnKind = "number" | "boolean" | "date" | "timestamp" | "text";

export interface SampleColumn {
  /** The column's name in the sample file. */
  name: string;
  kind: ColumnKind;
  /** Its type as DuckDB read it (what an augmented Parquet file keeps). */
  duckType: string;
  values: Cell[];
}

export interface SampleTable {
  file: string;
  /** The file's stem: the entity's name before it is made snake_case. */
  stem: string;
  rows: number;
  columns: SampleColumn[];
}

/** A sample the learner cannot read, with what is wrong and what is allowed. */
export class SampleError extends Error {
  override name = "SampleError";
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlName = (s: string) => `"${s.replaceAll('"', '""')}"`;

function kindOf(type: string): ColumnKind {
  if (NUMERIC.test(type)) return "number";
  if (type === "BOOLEAN") return "boolean";
  if (type === "DATE") return "date";
  if (type.startsWith("TIMESTAMP")) return "timestamp";
  return "text";
}

function selectOf(name: string, kind: ColumnKind): string {
  const c = sqlName(name);
  if (kind === "number") return `CAST(${c} AS DOUBLE)`;
  if (kind === "boolean") return c;
  if (kind === "date") return `strftime(${c}, '%Y-%m-%d')`;
  if (kind === "timestamp") return `strftime(CAST(${c} AS TIMESTAMP), '%Y-%m-%dT%H:%M:%SZ')`;
  return `CAST(${c} AS VARCHAR)`;
}

/** Reads one sample file into columns, refusing what is not a bounded, regular table file. */
export async function readSampleFile(file: string): Promise<SampleTable> {
  const ext = extname(file).toLowerCase();
  const reader = SAMPLE_FORMATS[ext as keyof typeof SAMPLE_FORMATS];
  if (!reader) throw new SampleError(`${file}: a sample is a .csv, .tsv, .json, .jsonl, .ndjson or .parquet file (one table per file)`);
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new SampleError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!stat.isFile()) throw new SampleError(`${file}: not a regular file (a sample is a file of rows, not a folder, FIFO or device)`);
  if (stat.size > SAMPLE_LIMITS.bytes) throw new SampleError(`${file}: ${stat.size} bytes; a sample is at most ${SAMPLE_LIMITS.bytes} bytes (take a sample of the table)`);

  const db = await DuckDBInstance.create(":memory:", { threads: "2", memory_limit: "2GiB", enable_external_access: "true" });
  const connection = await db.connect();
  try {
    const from = `${reader}(${sqlString(file)}${reader === "read_csv" ? ", sample_size = -1" : ""})`;
    let described: Array<{ name: string; kind: ColumnKind; duckType: string }>;
    let rows: number;
    try {
      described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJson().map((r) => ({ name: String(r.column_name), kind: kindOf(String(r.column_type)), duckType: String(r.column_type) }));
      rows = Number((await connection.runAndReadAll(`SELECT count(*) FROM ${from}`)).getRows()[0]![0]);
    } catch (error) {
      throw new SampleError(`${file}: not a readable ${ext.slice(1).toUpperCase()} table: ${(error as Error).message.split("\n")[0]}`);
    }
    if (described.length > SAMPLE_LIMITS.columns) throw new SampleError(`${file}: ${described.length} columns; a sample table has at most ${SAMPLE_LIMITS.columns}`);
    if (rows > SAMPLE_LIMITS.rows) throw new SampleError(`${file}: ${rows} rows; learn reads at most ${SAMPLE_LIMITS.rows} rows per table (take a sample of the table)`);
    if (rows < 2) throw new SampleError(`${file}: ${rows} row(s); learning needs at least 2`);
    const result = await connection.runAndReadAll(`SELECT ${described.map((c) => selectOf(c.name, c.kind)).join(", ")} FROM ${from}`);
    const columns = result.getColumnsJS();
    return {
      file,
      stem: basename(file, extname(file)),
      rows,
      columns: described.map((c, i) => ({ name: c.name, kind: c.kind, duckType: c.duckType, values: columns[i]!.map((v) => (v === undefined ? null : (v as Cell))) })),
    };
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}
