import { describe, it } from "vitest";
import { checkScale } from "./scale-check.js";
import { servicesOfThisFile } from "./snapshot-harness.js";

// Nightly (`pnpm test:nightly`): as many shard activities as a 100M-household snapshot has at the
// default 50,000 per shard. The main suite runs the same check at the smallest size that reaches the
// child-workflow path (snapshot-scale.test.ts).
describe("snapshotWorkflow at 2,000 shards (real Temporal dev server)", () => {
  const services = servicesOfThisFile();

  it("runs 2,000 shards through child workflows, every payload small and every history within limits", () => checkScale(services, 2_000), 600_000);
});
