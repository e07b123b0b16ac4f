import { readFileSync, writeFileSync } from "node:fs";
import { stateRateLevelsTsv } from "./state-rate-levels-source.js";

// Rebuilds packs/pc/data/state-rate-levels.tsv:
// `pnpm --filter @sdh/pack-pc reference:state-rate-levels <state-baselines.json>`, given a copy of
// data/state-baselines/state-baselines.json from github.com/bolewood/notaquote-fyi
// (state-rate-levels-source.ts says what it holds and which commit was read). A rebuild that changes the
// table changes seeded output: a generator version change (governance/versioning.md).
const from = process.argv[2];
if (!from) {
  console.error("usage: reference:state-rate-levels <path to bolewood/notaquote-fyi's data/state-baselines/state-baselines.json>");
  process.exit(2);
}
const out = new URL("../data/state-rate-levels.tsv", import.meta.url);
writeFileSync(out, stateRateLevelsTsv(readFileSync(from, "utf8")));
console.log(`wrote ${out.pathname}`);
