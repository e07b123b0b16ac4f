import { readFileSync, writeFileSync } from "node:fs";
import { stateRateLevelsTsv } from "./state-rate-levels-source.js";

// Rebuilds packs/pc/data/state-rate-levels.tsv:
// `pnpm --filter @sdh/pack-pc reference:state-rate-levels <bad-drivers.csv>`, given a copy of
// bad-drivers/bad-drivers.csv from github.com/fivethirtyeight/data (state-rate-levels-source.ts says
// what it holds). A rebuild that changes the table changes seeded output: a generator version change
// (governance/versioning.md).
const from = process.argv[2];
if (!from) {
  console.error("usage: reference:state-rate-levels <path to fivethirtyeight/data's bad-drivers/bad-drivers.csv>");
  process.exit(2);
}
const out = new URL("../data/state-rate-levels.tsv", import.meta.url);
writeFileSync(out, stateRateLevelsTsv(readFileSync(from, "utf8")));
console.log(`wrote ${out.pathname}`);
