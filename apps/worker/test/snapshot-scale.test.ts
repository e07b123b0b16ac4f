import { describe, it } from "vitest";
import { SHARDS_PER_CHILD } from "../src/workflows.js";
import { checkScale } from "./scale-check.js";
import { servicesOfThisFile } from "./snapshot-harness.js";

// The child-workflow paths at their smallest: one child of SHARDS_PER_CHILD shards and one of a single
// shard, then the same two children of exportPart activities (the parts layout, one household a part). The 2,000-shard run (a 100M-household snapshot's shard count) is nightly:
// snapshot-scale.nightly.test.ts, run by `pnpm test:nightly`.
describe("snapshotWorkflow at scale (real Temporal dev server)", () => {
  const services = servicesOfThisFile();

  it(`runs ${SHARDS_PER_CHILD + 1} shards and as many parts through two child workflows each, every payload small and every history within limits`, () => checkScale(services, SHARDS_PER_CHILD + 1, { parts: true }), 600_000);
});
