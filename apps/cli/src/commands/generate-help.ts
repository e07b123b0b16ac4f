import { PACK_ENTITY_NAMES } from "@sdh/packs/names";
import { CONFIG_FLAGS_HELP } from "../config-flags-help.js";

/** "households in pc, customers in fintech": each shipped pack's root entity, from the registry. */
const ROOTS = Object.entries(PACK_ENTITY_NAMES)
  .map(([pack, entities]) => `${entities[0]} in ${pack}`)
  .join(", ");

export const generateHelp = `sdh generate — build a whole snapshot bundle in this process (no Temporal)

Splits the pack's root records (${ROOTS}) into shards, which worker
threads generate, validate and encode in parallel; then assembles CSV, JSON and Parquet files, merges
the shards' validation and quality reports, and writes the manifest last. Progress (root records/s,
time left) goes to stderr when it is a terminal. The bundle is built in a temporary folder and
renamed to --out at the end, so an interrupted run leaves nothing that looks complete. Same options,
same bytes.

Options:
${CONFIG_FLAGS_HELP}
  --workers N        worker threads building shards (default: one per core)
  --out DIR          the bundle folder; must be empty or absent
  --force            replace a non-empty --out
  --json             print the manifest summary as JSON (for scripts)

Exit codes: 0 bundle written; 1 validation failed or the build failed (nothing is left behind);
2 bad options.

Examples:
  sdh generate --records 1000 --seed 7 --out ./out/demo
  sdh generate --records 1000000 --formats parquet --out ./out/big --json
  sdh generate --pack fintech --records 10000 --out ./out/bank`;
