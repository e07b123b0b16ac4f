// Publishes a bundle folder to a target (the local S3 server): checksummed uploads, manifest last.
// Prints { seconds, count (files), bytes, peakRssMb }.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "@sdh/schemas";
import { openStore, publishSnapshot } from "@sdh/storage";
import { peakRssMb } from "../child.js";

const [dir, target] = process.argv.slice(2);
const started = performance.now();
await publishSnapshot(dir!, openStore(target!, process.env));
const seconds = (performance.now() - started) / 1000;
const manifest = JSON.parse(readFileSync(join(dir!, "snapshot_manifest_v0_9.json"), "utf8")) as Manifest;
console.log(JSON.stringify({ seconds, count: manifest.files.length, bytes: manifest.files.reduce((n, f) => n + f.bytes, 0), peakRssMb: peakRssMb() }));
