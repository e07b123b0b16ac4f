import { columnsOf, type Column, type Entity } from "@sdh/schemas";
import { DuckDBInstance } from "@duckdb/node-api";

// Parquet is written by DuckDB from the CSV files we have just written and hashed (ADR 0006: the
// fastest writer measured, with real DATE/INTEGER types). Two threads, fixed: the output was
// byte-identical with 1, 2 and 4 threads (ADR 0006), and a constant keeps the machine out of the bytes.

export /** Fixed, not the machine's core count: the bytes must not depend on the machine. */
const PARQUET_THREADS = 2;

export const PARQUET_TYPE: Record<Column["type"], string> = { string: "VARCHAR", date: "DATE", int: "INTEGER", double: "DOUBLE", boolean: "BOOLEAN" };

export const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

export interface ParquetConverter {
  /** Writes `parquetPath` from `csvPath` (one of our CSV files) and returns the rows written. */
  convert(entity: Entity, csvPath: string, parquetPath: string): Promise<number>;
  close(): void;
}

export async function createParquetConverter(): Promise<ParquetConverter> {
  const db = await DuckDBInstance.create(":memory:", { threads: String(PARQUET_THREADS), preserve_insertion_order: "true" });
  const connection = await db.connect();
  return {
    async convert(entity, csvPath, parquetPath) {
      const columns = columnsOf(entity);
      const types = columns.map((c) => `${quote(c.name)}: ${quote(PARQUET_TYPE[c.type])}`).join(", ");
      // CSV has no null/empty distinction: empty means null only in nullable columns.
      const notNull = columns.filter((c) => !c.nullable && c.type === "string").map((c) => quote(c.name));
      const reader = `read_csv(${quote(csvPath)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${types}}, force_not_null = [${notNull.join(", ")}])`;
      const result = await connection.run(`COPY (SELECT * FROM ${reader}) TO ${quote(parquetPath)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
      return Number(result.rowsChanged);
    },
    close() {
      connection.closeSync();
      db.closeSync();
    },
  };
}
