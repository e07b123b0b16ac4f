import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUNDLE_FILES, BundleError, validateBundle, verifyBundle } from "@sdh/exporters";
import { PACKS } from "@sdh/packs";
import type { Manifest } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { buildBundle } from "./bundle-helpers.js";

const digests = (m: Manifest) => m.files.map((f) => `${f.path} ${f.sha256}`);

// ADR 0016: the engine iterates a pack's declaration and names no entity, so every pack this release
// ships goes through the same shard builder, gate, exporters, verify and validate.
describe.each(PACKS.map((p) => [p.spec.name, p] as const))("the engine with pack %s", (name, pack) => {
  it("gives the same bytes from 1, 7 and 64 shards, every file; verify and validate pass", async () => {
    const config = { pack: name, records: 128, seed: 9, formats: ["csv", "json", "jsonl", "parquet"] as const };
    const one = await buildBundle({ ...config, formats: [...config.formats], shardSize: 128 });
    for (const shardSize of [19, 2]) {
      const split = await buildBundle({ ...config, formats: [...config.formats], shardSize });
      expect(digests(split.manifest)).toEqual(digests(one.manifest));
    }
    expect(one.manifest.pack).toEqual({ name, version: pack.generator.version });
    expect(one.manifest.generator).toEqual(pack.generator);
    expect(Object.keys(one.manifest.counts)).toEqual(pack.spec.entities.map((e) => e.name));
    expect(one.manifest.counts[pack.spec.entities[0]!.name]).toBe(128);
    // A pack's own settings, recorded in full; no other pack's (schema 0.9: the P&C ones left the shared config).
    expect(Object.keys(one.manifest.config.settings ?? {})).toEqual(Object.keys((pack.settings as unknown as { shape?: object } | undefined)?.shape ?? {}));
    expect(one.manifest.config).not.toHaveProperty("lobMix");
    expect((await verifyBundle(one.out)).mismatches).toEqual([]);
    const { validation, quality, formats } = await validateBundle(one.out);
    expect(formats).toEqual(["csv", "json", "jsonl", "parquet"]);
    expect(validation.rules.filter((r) => r.failures > 0)).toEqual([]);
    expect(validation.rules.map((r) => r.code)).toEqual(Object.keys(pack.checks.rules));
    expect(Object.keys(quality.columns)).toEqual(pack.spec.entities.map((e) => e.name));
    expect(quality.passed).toBe(true);
  });
});

describe("a bundle names its pack", () => {
  it("is refused, naming the packs there are, when its pack is not one this release ships, or counts an entity its pack lacks", async () => {
    const { out } = await buildBundle({ pack: "fintech", records: 5, formats: ["csv"] });
    const path = join(out, BUNDLE_FILES.manifest);
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    writeFileSync(path, JSON.stringify({ ...manifest, pack: { name: "crypto", version: "9.9.9" } }));
    await expect(verifyBundle(out)).rejects.toThrow(new BundleError(`${path}: pack 'crypto' is not one this release of sdh ships; the packs are: ${PACKS.map((p) => p.spec.name).join(", ")}`));
    writeFileSync(path, JSON.stringify({ ...manifest, counts: { ...manifest.counts, persons: 3 } }));
    await expect(verifyBundle(out)).rejects.toThrow(/counts name persons, which pack fintech does not declare \(its entities: customers, accounts, transactions\)/);
  });
});
