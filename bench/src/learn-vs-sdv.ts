import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { learnFromTables, readSampleFile } from "@sdh/learn";
import { compileRecipe } from "@sdh/recipes";
import { parseSnapshotConfig } from "@sdh/schemas";

// pnpm bench:learn — sdh learn + generate beside SDV's GaussianCopulaSynthesizer on public tables
// that ship in Python packages (scikit-learn's and vega_datasets' bundled data), both scored by
// SDMetrics' quality report with the metadata SDV detects from the real table, both timed. Our side
// runs the library the CLI runs (learn, then generate as many rows as the sample has, seed 1).

const root = fileURLToPath(new URL("../../", import.meta.url));
const python = execFileSync("bash", ["-c", `source ${join(root, "scripts/lib.sh")} && sdh_install_sdv`], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
const peer = join(root, "bench/peer/sdv_peer.py");
const work = join(root, ".sdh/bench-learn");
mkdirSync(work, { recursive: true });
// Python writes NaN where a property has nothing to score (a table of one scored column has no pairs).
const run = (...args: string[]) => JSON.parse(execFileSync(python, [peer, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).trim().split("\n").at(-1)!.replaceAll(": NaN", ": null")) as Record<string, unknown>;

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const tables = run("export", work) as Record<string, { path: string; rows: number; columns: number }>;
const results: Array<Record<string, unknown>> = [];
for (const [name, table] of Object.entries(tables)) {
  const started = performance.now();
  const sample = await readSampleFile(table.path);
  const learned = learnFromTables([sample], { k: 5 });
  const learnedAt = performance.now();
  const entity = learned.recipe.order[0]!;
  const source = learned.sources.get(entity)!;
  const pack = compileRecipe(learned.recipe);
  const lines = [sample.columns.map((c) => csvCell(c.name)).join(",")];
  const byColumn = new Map([...source.columns].map(([field, column]) => [column, field]));
  for (const rootRecord of pack.generate(parseSnapshotConfig({ records: sample.rows, seed: 1, asOf: "2026-01-05" })).range(0, sample.rows)) {
    for (const record of rootRecord.records[entity]!) lines.push(sample.columns.map((c) => csvCell(record[byColumn.get(c.name)!])).join(","));
  }
  const generatedAt = performance.now();
  const ours = join(work, `${name}.sdh.csv`);
  writeFileSync(ours, `${lines.join("\n")}\n`);
  const theirs = join(work, `${name}.gc.csv`);
  const gc = run("gc", table.path, theirs);
  const sdhScore = run("score", table.path, ours);
  const gcScore = run("score", table.path, theirs);
  // The same, had GaussianCopula kept k = 5's rule: its cells holding a value fewer than 5 sample rows hold, withheld.
  const gcWithheld = run("score", table.path, theirs, "5");
  results.push({
    table: name,
    rows: table.rows,
    columns: table.columns,
    sdh: { score: sdhScore.score, properties: sdhScore.properties, identical: sdhScore.identical, rareCopied: sdhScore.rare_copied, learn_s: (learnedAt - started) / 1000, generate_s: (generatedAt - learnedAt) / 1000 },
    gaussianCopula: { score: gcScore.score, properties: gcScore.properties, identical: gcScore.identical, rareCopied: gcScore.rare_copied, fit_s: gc.fit_s, sample_s: gc.sample_s, scoreRareWithheld: gcWithheld.score },
  });
  console.error(`${name}: sdh ${(sdhScore.score as number).toFixed(3)} · GaussianCopula ${(gcScore.score as number).toFixed(3)} (${(gcWithheld.score as number).toFixed(3)} with rare values withheld)`);
}

const f = (x: unknown, d = 3) => (x as number).toFixed(d);
const mean = (pick: (r: Record<string, unknown>) => number) => results.reduce((s, r) => s + pick(r), 0) / results.length;
const sdhOf = (r: Record<string, unknown>) => r.sdh as Record<string, number>;
const gcOf = (r: Record<string, unknown>) => r.gaussianCopula as Record<string, number>;
const table = [
  "| table | rows × columns | sdh score | GaussianCopula score | GC, rare values withheld | sdh learn + generate (s) | GC fit + sample (s) | identical rows sdh / GC | rare values copied sdh / GC |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...results.map((r) => `| ${r.table} | ${r.rows} × ${r.columns} | ${f(sdhOf(r).score)} | ${f(gcOf(r).score)} | ${f(gcOf(r).scoreRareWithheld)} | ${f(sdhOf(r).learn_s! + sdhOf(r).generate_s!, 2)} | ${f(gcOf(r).fit_s! + gcOf(r).sample_s!, 2)} | ${f(sdhOf(r).identical, 4)} / ${f(gcOf(r).identical, 4)} | ${f(sdhOf(r).rareCopied, 4)} / ${f(gcOf(r).rareCopied, 4)} |`),
  `| **mean** | | **${f(mean((r) => sdhOf(r).score!))}** | **${f(mean((r) => gcOf(r).score!))}** | **${f(mean((r) => gcOf(r).scoreRareWithheld!))}** | | | | |`,
].join("\n");
console.log(table);
writeFileSync(join(root, "bench/results/learn-vs-sdv.json"), `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), node: process.version, results }, null, 2)}\n`);
