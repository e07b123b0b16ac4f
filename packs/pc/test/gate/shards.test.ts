import { PC_PACK_SPEC } from "../../src/schemas/index.js";
import { bucketKeys, checkKeysAcrossShards, mergeShardGates, QualityCollector, ValidationGate, type ExportedKeys, type QualityState, type UniqueRule } from "@sdh/validation";
import { PC_CHECKS, PC_VALIDATION } from "../../src/checks/index.js";
import { describe, expect, it } from "vitest";
import { cleanSnapshot, type SnapshotRecords } from "../../src/testing/index.js";

type Bundle = Omit<SnapshotRecords, "config">;
const ENTITIES = PC_PACK_SPEC.entities.map((e) => e.name as keyof Bundle);

/** Records grouped by a key, in their order: one pass, so building the bundles stays linear. */
function groupBy<T>(records: readonly T[], keyOf: (r: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of records) {
    const key = keyOf(r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** The snapshot as the generator emits it: each household, then its persons, vehicles, profiles, policies and what is on them. */
function bundlesOf(snapshot: SnapshotRecords): Bundle[] {
  const persons = groupBy(snapshot.persons, (p) => p.household_id);
  const vehicles = groupBy(snapshot.vehicles, (v) => v.household_id);
  const profiles = groupBy(snapshot.profiles, (p) => p.person_id);
  const policies = groupBy(snapshot.policies, (p) => p.household_id);
  const byPolicy = <T extends { policy_id: string }>(records: readonly T[]) => groupBy(records, (r) => r.policy_id);
  const [drivers, policyVehicles, coverages, claims] = [byPolicy(snapshot.drivers), byPolicy(snapshot.policy_vehicles), byPolicy(snapshot.coverages), byPolicy(snapshot.claims)];
  return snapshot.households.map((household) => {
    const members = persons.get(household.household_id) ?? [];
    const book = policies.get(household.household_id) ?? [];
    const onPolicies = <T>(groups: Map<string, T[]>) => book.flatMap((p) => groups.get(p.policy_id) ?? []);
    return {
      households: [household],
      persons: members,
      vehicles: vehicles.get(household.household_id) ?? [],
      profiles: members.flatMap((p) => profiles.get(p.person_id) ?? []),
      policies: book,
      drivers: onPolicies(drivers),
      policy_vehicles: onPolicies(policyVehicles),
      coverages: onPolicies(coverages),
      claims: onPolicies(claims),
    };
  });
}

function push(gate: ValidationGate, bundle: Bundle): void {
  for (const entity of ENTITIES) for (const record of bundle[entity]) gate.check(entity, record);
}

/** One gate and one quality collector over everything. */
function onePass(bundles: Bundle[], asOf: string) {
  const quality = new QualityCollector(PC_VALIDATION);
  const gate = new ValidationGate({ asOf, observers: [quality], pack: PC_CHECKS });
  for (const b of bundles) push(gate, b);
  return { report: gate.finish([{ kind: "config", source: "config.records", entity: "households", records: bundles.length }]).report, quality };
}

/** A gate and a collector per shard, their states through JSON (as they cross a process), then merged. */
async function sharded(bundles: Bundle[], asOf: string, shardCount: number, keysPerRange?: number) {
  const size = Math.ceil(bundles.length / shardCount);
  const results = [];
  const keys: Array<Record<UniqueRule, ExportedKeys>> = [];
  const merged = new QualityCollector(PC_VALIDATION);
  for (let start = 0; start < bundles.length; start += size) {
    const quality = new QualityCollector(PC_VALIDATION);
    const gate = new ValidationGate({ asOf, observers: [quality], pack: PC_CHECKS });
    for (const b of bundles.slice(start, start + size)) push(gate, b);
    const shard = gate.finishShard();
    results.push(JSON.parse(JSON.stringify(shard.result)));
    keys.push(shard.keys);
    merged.merge(JSON.parse(JSON.stringify(quality.state())) as QualityState);
  }
  // Uniqueness across shards as a build checks it: each rule's keys by bucket, range by range.
  const acrossShards = Object.keys(keys[0]!).flatMap((rule) => checkKeysAcrossShards(rule, keys.map((k) => bucketKeys(k[rule]!)), keysPerRange));
  const report = mergeShardGates(results, {
    acrossShards,
    pack: PC_CHECKS,
    claims: [{ kind: "config", source: "config.records", entity: "households", records: bundles.length }],
  });
  return { report, quality: merged };
}

describe("sharded validation", { timeout: 30_000 }, () => {
  const snapshot = cleanSnapshot(3_000, 11);
  const { asOf } = snapshot.config;

  it("merges shards' clean reports and quality figures into exactly one pass's", async () => {
    const bundles = bundlesOf(snapshot);
    const whole = onePass(bundles, asOf);
    for (const shards of [1, 3, 7]) {
      const parts = await sharded(bundles, asOf, shards);
      expect(parts.report).toEqual(whole.report);
      // Each shard holds ~1,000 ids (counted exactly); the union passes 2,048 and becomes a sketch, as in one pass.
      expect(JSON.stringify(parts.quality.report(snapshot.config))).toBe(JSON.stringify(whole.quality.report(snapshot.config)));
    }
    expect(whole.quality.report(snapshot.config).columns.persons!.find((c) => c.name === "person_id")!.distinctExact).toBe(false);
  });

  it("reports a record-level failure at its position in the whole snapshot", async () => {
    const bundles = structuredClone(bundlesOf(snapshot));
    bundles[2_500]!.persons[0]!.email = "someone@gmail.com";
    bundles.slice(2_900).find((b) => b.vehicles.length > 0)!.vehicles[0]!.model_year = 2099;
    const position = bundles.slice(0, 2_500).reduce((n, b) => n + b.persons.length, 0) + 1;
    const whole = onePass(bundles, asOf);
    const parts = await sharded(bundles, asOf, 4);
    expect(parts.report).toEqual(whole.report);
    const email = parts.report.rules.find((r) => r.code === "PRIVACY_EMAIL_DOMAIN")!;
    expect(email.examples).toEqual([expect.objectContaining({ record: position, email: "someone@gmail.com" })]);
  });

  it("finds duplicates that sit in different shards, naming the value and both shards", async () => {
    const bundles = structuredClone(bundlesOf(snapshot));
    const first = bundles.find((b) => b.vehicles.length > 0)!.vehicles[0]!;
    const late = bundles.slice(2_000).find((b) => b.vehicles.length > 0)!;
    late.vehicles[0] = { ...late.vehicles[0]!, vin: first.vin };
    late.profiles[0]!.profile_id = bundles[20]!.profiles[0]!.profile_id;

    const whole = onePass(bundles, asOf);
    const parts = await sharded(bundles, asOf, 3);
    const failures = (report: typeof whole.report) => Object.fromEntries(report.rules.filter((r) => r.failures > 0).map((r) => [r.code, r.failures]));
    expect(failures(parts.report)).toEqual(failures(whole.report));
    expect(failures(parts.report)).toMatchObject({ UNIQUE_VIN: 1, UNIQUE_PROFILE_ID: 1 });
    const vin = parts.report.rules.find((r) => r.code === "UNIQUE_VIN")!;
    expect(vin.examples).toEqual([{ value: first.vin, first_shard: 0, shard: 2 }]);
    // Checked in ranges of a few hundred keys (a big snapshot's are a million), the same report.
    const inRanges = await sharded(bundles, asOf, 3, 300);
    expect(inRanges.report).toEqual(parts.report);
  });

  it("finds every duplicate across shards when the keys are checked in many ranges, with the report of one", async () => {
    const bundles = structuredClone(bundlesOf(snapshot));
    // 40 profiles of the last shard take the ids of profiles in the first: 40 duplicates, spread over the ranges.
    const early = bundles.slice(0, 400).flatMap((b) => b.profiles).slice(0, 40);
    const late = bundles.slice(2_600).flatMap((b) => b.profiles).slice(0, 40);
    late.forEach((p, i) => (p.profile_id = early[i]!.profile_id));
    const inOne = await sharded(bundles, asOf, 4);
    // ~3,000 profile ids in ranges of 100 keys: about 30 ranges of whole buckets.
    const inRanges = await sharded(bundles, asOf, 4, 100);
    const unique = (report: typeof inOne.report) => report.rules.find((r) => r.code === "UNIQUE_PROFILE_ID")!;
    expect(unique(inRanges.report).failures).toBe(40);
    expect(inRanges.report).toEqual(inOne.report);
    const named = new Set(early.map((p) => p.profile_id));
    for (const example of unique(inRanges.report).examples as Array<{ value: string; first_shard: number; shard: number }>) {
      expect(named.has(example.value)).toBe(true);
      expect(example).toMatchObject({ first_shard: 0, shard: 3 });
    }
  });

  it("keeps every figure of a column through state and merge", () => {
    const collector = new QualityCollector(PC_VALIDATION);
    for (const e of ENTITIES) for (const r of snapshot[e]) collector.observe(e, r);
    const copy = new QualityCollector(PC_VALIDATION);
    copy.merge(collector.state());
    expect(copy.report(snapshot.config)).toEqual(collector.report(snapshot.config));
  });
});
