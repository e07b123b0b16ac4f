import { DuckDBInstance } from "@duckdb/node-api";
import { columnsOf, type EntitySpec } from "@sdh/schemas";
import { DataFileError } from "../records/data-file-error.js";
import { PARQUET_TYPE, quote } from "./duckdb-parquet.js";

/**
 * Streams a Parquet data file's records through DuckDB, chunk by chunk. The file's column types are
 * checked first (a date stored as text is a broken file, not a date); dates come back as YYYY-MM-DD.
 */
export async function* readParquetEntityFile(entity: EntitySpec, path: string): AsyncGenerator<unknown> {
  const columns = columnsOf(entity);
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await db.connect();
  try {
    let described;
    try {
      described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quote(path)})`)).getRowObjectsJson();
    } catch (error) {
      throw new DataFileError(`${path} is not a readable Parquet file: ${(error as Error).message.split("\n")[0]}`, { cause: error });
    }
    const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
    const problems = columns.flatMap((c) => {
      const found = types.get(c.name);
      if (found === undefined) return [`missing column ${c.name}`];
      return found === PARQUET_TYPE[c.type] ? [] : [`${c.name} is ${found}, expected ${PARQUET_TYPE[c.type]}`];
    });
    const unknown = [...types.keys()].filter((name) => !columns.some((c) => c.name === name));
    if (unknown.length) problems.push(`unknown column(s) ${unknown.join(", ")}`);
    if (problems.length) throw new DataFileError(`${path}: ${problems.join("; ")}`);

    // Dates as their text, money as the number the JSON and CSV files hold (DuckDB hands DECIMAL back as an object).
    const select = columns.map((c) => (c.type === "date" ? `CAST(${c.name} AS VARCHAR) AS ${c.name}` : c.type === "decimal" ? `CAST(${c.name} AS DOUBLE) AS ${c.name}` : c.name)).join(", ");
    const result = await connection.stream(`SELECT ${select} FROM read_parquet(${quote(path)})`);
    const names = columns.map((c) => c.name);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      yield* chunk.getRowObjects(names);
    }
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}
