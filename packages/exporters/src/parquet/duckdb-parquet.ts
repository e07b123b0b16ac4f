import { columnsOf, type Column, type EntitySpec } from "@sdh/schemas";
import { DuckDBInstance } from "@duckdb/node-api";

// Parquet is written by DuckDB from the CSV files we have just written and hashed (ADR 0006: the
// fastest writer measured, with real DATE/INTEGER types).
//
// One thread per DuckDB instance, always (ADR 0012). With two or more, DuckDB's order-preserving
// COPY cuts row groups where its threads' batches happen to meet: a 1.86M-row vehicles file came out
// with two different sets of bytes in five conversions. One thread gives the same row groups every
// time, so the bytes depend only on the CSV. Parallelism comes from converting several files at once
// instead (convertFilesToParquet), which is also faster and uses half the memory.

/** DuckDB threads per conversion: one, so the row groups (and bytes) never depend on thread timing. */
export const PARQUET_THREADS = 1;

/** Parquet's type of each column type: money is DECIMAL(12,2), exact to the cent up to ten billion dollars (ADR 0024). */
export const PARQUET_TYPE: Record<Column["type"], string> = { string: "VARCHAR", date: "DATE", int: "INTEGER", decimal: "DECIMAL(12,2)", double: "DOUBLE", boolean: "BOOLEAN" };

export const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

export interface ParquetConverter {
  /**
   * Writes `parquetPath` from `csvPath` (one of our CSV files) and returns the rows written.
   * `metadata` becomes the file's key-value metadata (snapshot id, versions), which readers show.
   */
  convert(entity: EntitySpec, csvPath: string, parquetPath: string, metadata?: Readonly<Record<string, string>>): Promise<number>;
  /** The threads DuckDB reports it runs on: PARQUET_THREADS, checked when the converter is created. */
  readonly threads: number;
  close(): void;
}

export async function createParquetConverter(): Promise<ParquetConverter> {
  const db = await DuckDBInstance.create(":memory:", { threads: String(PARQUET_THREADS), preserve_insertion_order: "true" });
  const connection = await db.connect();
  // Read back, not assumed: were the setting ever ignored, the bytes would quietly depend on timing.
  const threads = Number((await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]?.[0]);
  if (threads !== PARQUET_THREADS) {
    connection.closeSync();
    db.closeSync();
    throw new Error(`DuckDB runs on ${threads} threads where Parquet needs exactly ${PARQUET_THREADS} for reproducible bytes`);
  }
  return {
    threads,
    async convert(entity, csvPath, parquetPath, metadata = {}) {
      const columns = columnsOf(entity);
      const types = columns.map((c) => `${quote(c.name)}: ${quote(PARQUET_TYPE[c.type])}`).join(", ");
      // An empty CSV field is null, as in every reader: the data never holds an empty string, so
      // Parquet, CSV and JSON say the same thing (issue 16.12).
      const reader = `read_csv(${quote(csvPath)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${types}})`;
      const pairs = Object.entries(metadata).map(([key, value]) => `${quote(key)}: ${quote(value)}`);
      const kv = pairs.length ? `, KV_METADATA {${pairs.join(", ")}}` : "";
      const result = await connection.run(`COPY (SELECT * FROM ${reader}) TO ${quote(parquetPath)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880${kv})`);
      return Number(result.rowsChanged);
    },
    close() {
      connection.closeSync();
      db.closeSync();
    },
  };
}
