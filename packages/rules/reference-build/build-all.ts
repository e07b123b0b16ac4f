import { writeFileSync } from "node:fs";
import { buildFirstNames, buildSurnames } from "./build-names.js";
import { buildPlaces } from "./build-places.js";
import { rawSourceFolder } from "./raw-sources.js";

/**
 * Rebuilds the shared reference tables in packages/rules/data/ (names and places, which every pack's
 * people use) from their raw public sources: `pnpm --filter @sdh/rules reference:build [places|names]`.
 * The P&C pack's own tables (vehicles) are rebuilt by its own script, packs/pc/reference-build/. A rebuild that changes a table
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

