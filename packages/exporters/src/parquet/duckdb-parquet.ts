import { columnsOf, type Column, type Entity } from "@sdh/schemas";
import { DuckDBInstance } from "@duckdb/node-api";

// Parquet is written by DuckDB from the CSV files we have just written and hashed (ADR 0006: the
// fastest writer measured, with real DATE/INTEGER types). One thread: with more, row-group
// boundaries could vary between runs, and the bytes must not.

export const PARQUET_TYPE: Record<Column["type"], string> = { string: "VARCHAR", date: "DATE", int: "INTEGER", double: "DOUBLE", boolean: "BOOLEAN" };

export const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

export interface ParquetConverter {
  /** Writes `parquetPath` from `csvPath` (one of our CSV files) and returns the rows written. */
  convert(entity: Entity, csvPath: string, parquetPath: string): Promise<number>;
  close(): void;
}

export async function createParquetConverter(): Promise<ParquetConverter> {
  const db = await DuckDBInstance.create(":memory:", { threads: "1", preserve_insertion_order: "true" });
  const connection = await db.connect();
  return {
    async convert(entity, csvPath, parquetPath) {
      const columns = columnsOf(entity);
      const types = columns.map((c) => `${quote(c.name)}: ${quote(PARQUET_TYPE[c.type])}`).join(", ");
      // CSV has no null/empty distinction: empty means null only in nullable columns.
      const notNull = columns.filter((c) => !c.nullable && c.type === "string").map((c) => quote(c.name));
      const reader = `read_csv(${quote(csvPath)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${types}}, force_not_null = [${notNull.join(", ")}])`;
      // Through a table whose columns carry NOT NULL, so the Parquet schema says REQUIRED where ours does.
      const ddl = columns.map((c) => `${c.name} ${PARQUET_TYPE[c.type]}${c.nullable ? "" : " NOT NULL"}`).join(", ");
      await connection.run(`CREATE OR REPLACE TABLE staged (${ddl})`);
      await connection.run(`INSERT INTO staged SELECT * FROM ${reader}`);
      const result = await connection.run(`COPY staged TO ${quote(parquetPath)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
      await connection.run("DROP TABLE staged");
      return Number(result.rowsChanged);
    },
    close() {
      connection.closeSync();
      db.closeSync();
    },
  };
}
