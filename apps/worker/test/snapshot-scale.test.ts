import { describe, it } from "vitest";
import { SHARDS_PER_CHILD } from "../src/workflows.js";
import { checkScale } from "./scale-check.js";
import { servicesOfThisFile } from "./snapshot-harness.js";

// The child-workflow path at its smallest: one child of SHARDS_PER_CHILD shards and one of a single
// shard. The 2,000-shard run (a 100M-household snapshot's shard count) is nightly:
// snapshot-scale.nightly.test.ts, run by `pnpm test:nightly`.
describe("snapshotWorkflow at scale (real Temporal dev server)", () => {
  const services = servicesOfThisFile();

  it(`runs ${SHARDS_PER_CHILD + 1} shards through two child workflows, every payload small and every history within limits`, () => checkScale(services, SHARDS_PER_CHILD + 1), 600_000);
});
