// One `sdh generate`-equivalent build in this process, for bench/generate.ts: prints one JSON line
// with the wall time, records written and this process's peak RSS (worker threads included).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSnapshotConfig } from "@sdh/schemas";
import { defaultSnapshotId, writeBundle } from "../src/index.js";

const persons = Number(process.argv[2]);
const config = parseSnapshotConfig({ records: persons });
const parent = mkdtempSync(join(tmpdir(), "sdh-bench-generate-"));
const started = performance.now();
try {
  const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out: join(parent, "bundle") });
  const seconds = (performance.now() - started) / 1000;
  const records = manifest.counts.persons + manifest.counts.vehicles + manifest.counts.profiles;
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ seconds, records, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  rmSync(parent, { recursive: true, force: true });
}
