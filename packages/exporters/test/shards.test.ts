import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildShard, shardFolderName } from "@sdh/exporters";
import { PC_PACK } from "@sdh/pack-pc";
import { parseSnapshotConfig, type SnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { tmp } from "./bundle-helpers.js";

describe("buildShard", () => {
  const config = parseSnapshotConfig({ records: 60, seed: 3 });
  const counting = () => {
    const calls: number[] = [];
    return { calls, generate: (c: SnapshotConfig) => (calls.push(1), PC_PACK.generate(c)) };
  };

  it("reuses a shard built before with the same fingerprint, and rebuilds when anything that shapes it changes", async () => {
    const parent = tmp();
    const dir = join(parent, shardFolderName(0));
    const first = counting();
    const built = await buildShard({ config, shard: 0, start: 0, end: 30, dir }, first);
    const segment = readFileSync(join(dir, "persons.csv"));

    const again = counting();
    expect(await buildShard({ config, shard: 0, start: 0, end: 30, dir }, again)).toEqual(built);
    expect([first.calls.length, again.calls.length]).toEqual([1, 0]);

    const reseeded = counting();
    const other = await buildShard({ config: { ...config, seed: 4 }, shard: 0, start: 0, end: 30, dir }, reseeded);
    expect(reseeded.calls.length).toBe(1);
    expect(other.fingerprint).not.toBe(built.fingerprint);
    expect(readFileSync(join(dir, "persons.csv")).equals(segment)).toBe(false);
    // The shard size only places the range: it does not change the fingerprint.
    expect((await buildShard({ config: { ...config, seed: 4, shardSize: 7 }, shard: 0, start: 0, end: 30, dir })).fingerprint).toBe(other.fingerprint);
    expect(readdirSync(parent)).toEqual([shardFolderName(0)]); // no temporary folder left
  });

  it("leaves no folder that looks built when the build fails", async () => {
    const parent = tmp();
    const dir = join(parent, shardFolderName(1));
    const failing = () => ({
      *range() {
        yield* PC_PACK.generate(config).range(0, 5);
        throw new Error("disk on fire");
      },
    });
    await expect(buildShard({ config, shard: 1, start: 0, end: 30, dir }, { generate: failing })).rejects.toThrow("disk on fire");
    expect(readdirSync(parent)).toEqual([]);
  });
});
