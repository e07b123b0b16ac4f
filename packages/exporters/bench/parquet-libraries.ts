// Which library writes our Parquet files? Each candidate writes the same persons table (19 columns,
// nullable strings, DATE, enums) in its own process, so peak RSS is its own. Run:
//   pnpm --filter @sdh/exporters bench:parquet [--rows 1000000]
// It prints rows/s, peak RSS, file size, whether two runs give identical bytes, and the column types
// DuckDB reads back. The decision and the figures are in governance/decisions/0006-parquet-writer.md.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

const LIBRARIES = ["parquetjs-lite", "hyparquet-writer", "duckdb", "duckdb-from-csv"] as const;
const rows = Number(process.argv[process.argv.indexOf("--rows") + 1] || 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "sdh-parquet-bench-"));
const child = fileURLToPath(new URL("./parquet-library-run.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

interface RunResult {
  library: string;
  seconds: number;
  generateSeconds: number;
  peakRssMb: number;
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function typesOf(path: string): Promise<string> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
  const types = reader.getRowObjects().map((r) => `${String(r.column_name)}:${String(r.column_type)}`);
  const keep = ["date_of_birth", "middle_name", "person_id"];
  return types.filter((t) => keep.some((k) => t.startsWith(`${k}:`))).join(" ");
}

console.log(`| library | rows/s (write only) | peak RSS | file size | same bytes twice | types read back by DuckDB |`);
console.log(`| --- | ---: | ---: | ---: | --- | --- |`);
for (const library of LIBRARIES) {
  const outputs: string[] = [];
  let result: RunResult | null = null;
  for (const attempt of [1, 2]) {
    const out = join(dir, `${library}-${attempt}.parquet`);
    const run = spawnSync(tsx, ["--conditions=sdh-source", child, library, String(rows), out], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (run.status !== 0) {
      console.log(`| ${library} | failed: ${run.stderr.trim().split("\n").slice(-3).join(" ")} | | | | |`);
      break;
    }
    result ??= JSON.parse(run.stdout.trim().split("\n").at(-1)!) as RunResult;
    outputs.push(out);
  }
  if (!result || outputs.length < 2) continue;
  const size = statSync(outputs[0]!).size / 2 ** 20;
  const same = sha(outputs[0]!) === sha(outputs[1]!);
  console.log(
    `| ${library} | ${Math.round(rows / result.seconds).toLocaleString("en-US")} | ${result.peakRssMb} MiB | ${size.toFixed(1)} MiB | ${same ? "yes" : "no"} | ${await typesOf(outputs[0]!)} |`,
  );
}
rmSync(dir, { recursive: true, force: true });
