import { writeFileSync } from "node:fs";
import { buildFirstNames, buildSurnames } from "./build-names.js";
import { buildPlaces } from "./build-places.js";
import { buildVehicleCatalog } from "./build-vehicles.js";
import { rawSourceFolder } from "./raw-sources.js";
import { openVpic } from "./vpic.js";

/**
 * Rebuilds the compact reference tables in packages/rules/data/ from their raw public sources:
 * `pnpm --filter @sdh/rules reference:build [vehicles|places|names]`. A rebuild that changes a table
 * changes seeded output: a generator version change (governance/versioning.md).
 */
const dataFolder = new URL("../data/", import.meta.url);
const only = process.argv[2];
const write = (name: string, text: string) => writeFileSync(new URL(name, dataFolder), text);

if (!only || only === "places" || only === "names") {
  const raw = rawSourceFolder();
  if (!only || only === "places") {
    const places = buildPlaces(raw);
    write("zips.tsv", places.tsv);
    console.log(`places: ${places.zips} residential ZIP codes, ${places.population.toLocaleString("en-US")} residents`);
  }
  if (!only || only === "names") {
    const first = await buildFirstNames(raw);
    write("first-names.tsv", first.tsv);
    const last = await buildSurnames(raw);
    write("surnames.tsv", last.tsv);
    console.log(`names: ${first.names} first names by decade and sex; ${last.names} surnames covering ${(last.share * 100).toFixed(1)}% of people`);
  }
}

if (!only || only === "vehicles") {
  const vpic = await openVpic();
  const started = Date.now();
  const { file, report } = await buildVehicleCatalog(vpic, 2027);
  write("vehicles.json", `${JSON.stringify(file)}\n`);
  console.log(`vehicles: ${file.models.length} models, ${report.years} model years, ${report.stems} stems in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const m of report.missing) console.log(`  missing: ${m}`);
  for (const t of report.thin) console.log(`  thin: ${t}`);
  vpic.close();
}
