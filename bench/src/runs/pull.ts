// Pulls a published snapshot with every file checked (size and sha256) into a fresh folder.
// Prints { seconds, count (files), bytes, peakRssMb }.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, pullSnapshot } from "@sdh/storage";
import { peakRssMb } from "../child.js";

const [source, snapshot] = process.argv.slice(2);
const parent = mkdtempSync(join(tmpdir(), "sdh-bench-pull-"));
try {
  const started = performance.now();
  const result = await pullSnapshot(openStore(source!, process.env), { snapshot: snapshot!, out: join(parent, "pulled") });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, count: result.files.length, bytes: result.bytes, peakRssMb: peakRssMb() }));
} finally {
  rmSync(parent, { recursive: true, force: true });
}
