import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { AugmentedTable } from "./augment.js";
import { SampleError, type Cell } from "./sample-file.js";

// Writes augmented tables into a folder, each in its sample's format and under its sample's file
// name: CSV and TSV with the sample's header, JSON as an array, JSONL as lines, Parquet through DuckDB
// with the sample's column types. The folder appears whole or not at all (built beside it, renamed).

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

function delimited(table: AugmentedTable, separator: string): string {
  const cell = (v: Cell) => {
    if (v === null) return "";
    const s = String(v);
    return s.includes(separator) || /["\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const names = table.table.columns.map((c) => c.name);
  return `${[names.map(cell).join(separator), ...table.rows.map((r) => r.map(cell).join(separator))].join("\n")}\n`;
}

const objects = (table: AugmentedTable) => table.rows.map((r) => Object.fromEntries(table.table.columns.map((c, i) => [c.name, r[i]])));

export async function writeAugmented(folder: string, tables: readonly AugmentedTable[]): Promise<void> {
  if (existsSync(folder) && readdirSync(folder).length) throw new SampleError(`--augment ${folder}: the folder is not empty; give an empty or new one`);
  const building = `${folder}.${process.pid}.partial`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    for (const t of tables) {
      const name = basename(t.table.file);
      const ext = extname(name).toLowerCase();
      const path = join(building, name);
      if (ext === ".csv" || ext === ".tsv") writeFileSync(path, delimited(t, ext === ".tsv" ? "\t" : ","));
      else if (ext === ".json") writeFileSync(path, `${JSON.stringify(objects(t))}\n`);
      else if (ext === ".jsonl" || ext === ".ndjson") writeFileSync(path, `${objects(t).map((o) => JSON.stringify(o)).join("\n")}\n`);
      else await writeParquet(path, t);
    }
    if (existsSync(folder)) rmSync(folder, { recursive: true });
    renameSync(building, folder);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

async function writeParquet(path: string, t: AugmentedTable): Promise<void> {
  const lines = `${path}.jsonl`;
  writeFileSync(lines, `${objects(t).map((o) => JSON.stringify(o)).join("\n")}\n`);
  const db = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await db.connect();
  try {
    const columns = `{${t.table.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.duckType)}`).join(", ")}}`;
    await connection.run(`COPY (SELECT * FROM read_json(${sqlString(lines)}, format = 'newline_delimited', columns = ${columns})) TO ${sqlString(path)} (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    db.closeSync();
    rmSync(lines, { force: true });
  }
}
