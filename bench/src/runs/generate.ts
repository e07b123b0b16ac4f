// `sdh generate`'s code path, whole: shards on every core, validation, CSV + JSON + Parquet, reports,
// manifest. With a second argument the bundle is kept there (for the publish and pull runs); with a
// third, the root records are those of that recipe file instead of the P&C pack's households.
// Prints { seconds, count (records), persons, bytes, peakRssMb, cpuSeconds (every thread) }.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { recipeSource } from "@sdh/packs";
import { parseRecipe } from "@sdh/recipes";
import { parseSnapshotConfig } from "@sdh/schemas";
import { peakRssMb } from "../child.js";

const [personsArg, keepArg, recipeFile] = process.argv.slice(2);
const persons = Number(personsArg);
const keep = keepArg || undefined;
const recipeText = recipeFile ? readFileSync(recipeFile, "utf8") : null;
const config = parseSnapshotConfig({ records: persons, ...(recipeText ? { pack: parseRecipe(recipeText, recipeFile).document.name, recipe: recipeSource(recipeText) } : {}) });
const parent = keep ? null : mkdtempSync(join(tmpdir(), "sdh-bench-generate-"));
const started = performance.now();
const cpuBefore = process.cpuUsage();
try {
  const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out: keep ?? join(parent!, "bundle") });
  const seconds = (performance.now() - started) / 1000;
  // Every thread of the process: the shard threads', V8's and DuckDB's too.
  const cpu = process.cpuUsage(cpuBefore);
  const { counts, files } = manifest;
  console.log(JSON.stringify({ seconds, count: Object.values(counts).reduce((n, c) => n + c, 0), persons, bytes: files.reduce((n, f) => n + f.bytes, 0), peakRssMb: peakRssMb(), cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
} finally {
  if (parent) rmSync(parent, { recursive: true, force: true });
}
