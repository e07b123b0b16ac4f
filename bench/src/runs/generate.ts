// `sdh generate`'s code path, whole: shards on every core, validation, CSV + JSON + Parquet, reports,
// manifest. With a second argument the bundle is kept there (for the publish and pull runs).
// Prints { seconds, count (records), persons, bytes, peakRssMb }.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import { peakRssMb } from "../child.js";

const [personsArg, keep] = process.argv.slice(2);
const persons = Number(personsArg);
const config = parseSnapshotConfig({ records: persons });
const parent = keep ? null : mkdtempSync(join(tmpdir(), "sdh-bench-generate-"));
const started = performance.now();
try {
  const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out: keep ?? join(parent!, "bundle") });
  const seconds = (performance.now() - started) / 1000;
  const { counts, files } = manifest;
  console.log(JSON.stringify({ seconds, count: Object.values(counts).reduce((n, c) => n + c, 0), persons, bytes: files.reduce((n, f) => n + f.bytes, 0), peakRssMb: peakRssMb() }));
} finally {
  if (parent) rmSync(parent, { recursive: true, force: true });
}
