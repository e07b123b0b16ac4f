import { join } from "node:path";
import { ShardPool, shardFolderName } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { tmp } from "./bundle-helpers.js";

describe("ShardPool", () => {
  it("stops its idle threads on request, and starts one again for the next shard", async () => {
    const config = parseSnapshotConfig({ records: 40, seed: 8, formats: ["csv"] });
    const dir = tmp();
    // A long idle time, so only retireIdle can stop the thread within the test.
    const pool = new ShardPool(1, 600_000);
    try {
      const first = await pool.build({ config, shard: 0, start: 0, end: 20, dir: join(dir, shardFolderName(0)) });
      expect(pool.threadCount).toBe(1);
      await pool.retireIdle();
      expect(pool.threadCount).toBe(0);
      const second = await pool.build({ config, shard: 1, start: 20, end: 40, dir: join(dir, shardFolderName(1)) });
      expect([first.counts.households, second.counts.households, pool.threadCount]).toEqual([20, 20, 1]);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
