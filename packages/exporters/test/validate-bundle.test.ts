import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATOR } from "@sdh/pack-pc";
import { BUNDLE_FILES, BundleError, createTextEntityWriter, dataFileName, DataFileError, validateBundle } from "@sdh/exporters";
import { perEntity } from "@sdh/schemas";
import { PC_PACK_SPEC } from "@sdh/pack-pc";
import { cleanSnapshot, VIOLATIONS, type SnapshotRecords } from "@sdh/pack-pc/testing";
import { describe, expect, it } from "vitest";
import { tmp } from "./bundle-helpers.js";
import { pc, PC_ENTITIES } from "./pc-entities.js";
import { PACK_NAMES } from "@sdh/packs/names";

/** Writes the records as a bundle in `format`, with the metadata that names the config and asOf. */
async function writeRecords(snapshot: SnapshotRecords, format: "csv" | "json" | "jsonl", dir = tmp()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const entity of PC_ENTITIES) {
    const writer = createTextEntityWriter(pc(entity), format, join(dir, dataFileName(entity, format)));
    for (const record of snapshot[entity as keyof SnapshotRecords] as object[]) await writer.write(record);
    await writer.close();
  }
  const { config } = snapshot;
  const counts = perEntity(PC_PACK_SPEC, (e) => (snapshot[e as keyof SnapshotRecords] as unknown[]).length);
  const metadata = { snapshotId: "fixture", schemaVersion: config.schemaVersion, generator: GENERATOR, seed: config.seed, asOf: config.asOf, config, counts };
  writeFileSync(join(dir, BUNDLE_FILES.metadata), JSON.stringify(metadata));
  return dir;
}

const failing = (report: { rules: Array<{ code: string; failures: number }> }) => report.rules.filter((r) => r.failures > 0).map((r) => r.code);

describe("validateBundle", () => {
  it("passes clean CSV and JSON copies and reconciles their counts", async () => {
    const snapshot = cleanSnapshot(200);
    const dir = await writeRecords(snapshot, "csv");
    await writeRecords(snapshot, "jsonl", dir);
    const result = await validateBundle(dir);
    expect(result.formats).toEqual(["csv", "jsonl"]);
    expect(failing(result.validation)).toEqual([]);
    expect(result).toMatchObject({ asOf: "2026-01-06", configSource: "metadata" });
  });

  it.each(VIOLATIONS)("finds $code, and only it, in a CSV bundle", async ({ code, edit }) => {
    const snapshot = cleanSnapshot();
    edit(snapshot);
    const result = await validateBundle(await writeRecords(snapshot, "csv"));
    expect(failing(result.validation)).toEqual([code]);
  });

  it("flags copies whose counts disagree, naming the format", async () => {
    const snapshot = cleanSnapshot(100);
    const dir = await writeRecords(snapshot, "csv");
    snapshot.vehicles.pop();
    await writeRecords(snapshot, "json", dir);
    const { validation } = await validateBundle(dir);
    const rule = validation.rules.find((r) => r.code === "COUNT_EXPORT_MISMATCH")!;
    expect(rule.failures).toBe(1);
    expect(rule.examples[0]).toMatchObject({ format: "json", entity: "vehicles", source: "csv files" });
  });

  it("says what is wrong with a folder that is not a bundle", async () => {
    await expect(validateBundle(join(tmp(), "missing"))).rejects.toThrow(/is not a folder/);
    await expect(validateBundle(tmp())).rejects.toThrow(/no data files; expected names like households_v0_9.csv/);
    const partial = tmp();
    writeFileSync(join(partial, "persons_v0_9.csv"), "");
    await expect(validateBundle(partial)).rejects.toThrow(BundleError);
    await expect(validateBundle(partial)).rejects.toThrow(/csv files for households, vehicles, profiles, policies, drivers, policy_vehicles, coverages, claims are missing/);
    const noDate = await writeRecords(cleanSnapshot(5), "csv");
    writeFileSync(join(noDate, BUNDLE_FILES.metadata), "{ not json");
    await expect(validateBundle(noDate)).rejects.toThrow(DataFileError);
  });

  it("refuses a data file of an entity its pack does not declare, a folder of a pack no release ships, and metadata naming an unknown pack", async () => {
    const dir = await writeRecords(cleanSnapshot(5), "csv");
    writeFileSync(join(dir, "accounts_v0_9.csv"), "account_id\n");
    await expect(validateBundle(dir)).rejects.toThrow(`${join(dir, "accounts_v0_9.csv")} holds accounts, which pack pc does not declare`);
    const stray = tmp();
    writeFileSync(join(stray, "wallets_v0_9.csv"), "wallet_id\n");
    await expect(validateBundle(stray)).rejects.toThrow(new RegExp(`no pack declares wallets \\(the packs: ${PACK_NAMES.map((name) => `${name} \\([^)]*\\)`).join("; ")}\\)`));
    const renamed = await writeRecords(cleanSnapshot(5), "csv");
    const metadata = JSON.parse(readFileSync(join(renamed, BUNDLE_FILES.metadata), "utf8")) as Record<string, unknown>;
    writeFileSync(join(renamed, BUNDLE_FILES.metadata), JSON.stringify({ ...metadata, pack: { name: "crypto", version: "1.0.0" } }));
    await expect(validateBundle(renamed)).rejects.toThrow(`pack 'crypto' is not one this release of sdh ships; the packs are: ${PACK_NAMES.join(", ")}`);
  });
});
