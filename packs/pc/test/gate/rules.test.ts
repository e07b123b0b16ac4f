import { perEntity } from "@sdh/schemas";
import { PC_PACK_SPEC } from "../../src/schemas/index.js";
import { validateSnapshot, type CountClaim, type SnapshotSources } from "@sdh/validation";
import { PC_CHECKS, RULE_CODES, RULES } from "../../src/checks/index.js";
import { describe, expect, it } from "vitest";
import { cleanSnapshot, rederiveProfile, type SnapshotRecords, sourcesOf, VIOLATIONS } from "../../src/testing/index.js";

async function failingCodes(snapshot: SnapshotRecords, claims: CountClaim[] = []) {
  const { report } = await validateSnapshot(sourcesOf(snapshot), { asOf: snapshot.config.asOf, claims, pack: PC_CHECKS });
  return { report, codes: report.rules.filter((r) => r.failures > 0).map((r) => r.code) };
}

describe("the validation gate", () => {
  it("passes a clean seeded snapshot with no errors and no warnings", async () => {
    const snapshot = cleanSnapshot(2_000);
    const { report, codes } = await failingCodes(snapshot, [{ kind: "config", source: "config.records", entity: "households", records: 2_000 }]);
    expect(codes).toEqual([]);
    expect(report).toMatchObject({ passed: true, errors: 0, warnings: 0 });
    expect(report.counts).toEqual({
      households: 2_000,
      persons: snapshot.persons.length,
      vehicles: snapshot.vehicles.length,
      profiles: snapshot.persons.length,
      policies: snapshot.policies.length,
      drivers: snapshot.drivers.length,
      policy_vehicles: snapshot.vehicles.length,
      coverages: snapshot.coverages.length,
      claims: snapshot.claims.length,
    });
    expect(report.rules.map((r) => r.code)).toEqual(RULE_CODES);
  });

  it.each(VIOLATIONS)("detects $code and nothing else", async ({ code, edit }) => {
    const snapshot = cleanSnapshot();
    edit(snapshot);
    const { report, codes } = await failingCodes(snapshot);
    expect(codes).toEqual([code]);
    const rule = report.rules.find((r) => r.code === code)!;
    expect(rule.failures).toBeGreaterThan(0);
    expect(rule.examples.length).toBeGreaterThan(0);
    expect(report.passed).toBe(rule.severity !== "error");
  });

  // Generator 0.8's rules, on a book large enough to hold UM claims and tows (300 households rarely
  // do; UM claims come at about one per 1,000 car years), made once and copied for each case.
  let book: SnapshotRecords | undefined;
  it.each([
    ["DOMAIN_LICENSE_DATE", "a New Jersey licence issued on the 16th birthday (New Jersey licenses from 17)", (s: SnapshotRecords): void => {
      const k = s.persons.findIndex((p) => p.license_state === "NJ");
      const p = s.persons[k]!;
      p.license_issue_date = `${Number(p.date_of_birth.slice(0, 4)) + 16}${p.date_of_birth.slice(4)}`;
      rederiveProfile(s, k);
    }],
    ["DOMAIN_CLAIM_AT_FAULT", "a UM claim the insured caused (an uninsured driver caused it)", (s: SnapshotRecords): void => void (s.claims.find((c) => c.coverage_code === "UM")!.at_fault = true)],
    ["DOMAIN_CLAIM_COVERAGE", "a tow for a crash type instead of a breakdown", (s: SnapshotRecords): void => void (s.claims.find((c) => c.coverage_code === "TOWING")!.loss_cause = "rear_end")],
  ] as const)("detects %s, and nothing else, for %s", async (code, _what, edit) => {
    book ??= cleanSnapshot(12_000);
    const snapshot = structuredClone(book);
    edit(snapshot);
    expect((await failingCodes(snapshot)).codes).toEqual([code]);
  });

  it("has a fixture for every rule that reads records", () => {
    const covered = new Set<string>(VIOLATIONS.map((v) => v.code));
    const uncovered = RULE_CODES.filter((code) => !covered.has(code) && !code.startsWith("COUNT_"));
    expect(uncovered).toEqual([]);
  });

  it.each([
    ["config", "COUNT_CONFIG_MISMATCH"],
    ["generated", "COUNT_GENERATED_MISMATCH"],
    ["export", "COUNT_EXPORT_MISMATCH"],
    ["manifest", "COUNT_MANIFEST_MISMATCH"],
  ] as const)("reconciles counts claimed by the %s", async (kind, code) => {
    const snapshot = cleanSnapshot();
    const claims: CountClaim[] = [
      { kind, source: "agrees", entity: "households", records: 300 },
      { kind, source: "disagrees", entity: "vehicles", records: snapshot.vehicles.length + 1 },
    ];
    const { report, codes } = await failingCodes(snapshot, claims);
    expect(codes).toEqual([code]);
    expect(report.rules.find((r) => r.code === code)!.examples).toEqual([
      { source: "disagrees", entity: "vehicles", claimed: snapshot.vehicles.length + 1, found: snapshot.vehicles.length },
    ]);
  });

  it("keeps at most five examples while counting every failure", async () => {
    const snapshot = cleanSnapshot();
    for (const person of snapshot.persons.slice(0, 40)) person.email = `${person.first_name}@gmail.com`;
    const { report } = await failingCodes(snapshot);
    const rule = report.rules.find((r) => r.code === "PRIVACY_EMAIL_DOMAIN")!;
    expect(rule.failures).toBe(40);
    expect(rule.examples).toHaveLength(5);
    expect(rule.examples[0]).toEqual({ record: 1, person_id: snapshot.persons[0]!.person_id, email: snapshot.persons[0]!.email });
  });

  it("explains schema failures with zod's messages", async () => {
    const snapshot = cleanSnapshot();
    (snapshot.vehicles[0] as Record<string, unknown>).annual_mileage = "lots";
    const { report } = await failingCodes(snapshot);
    const rule = report.rules.find((r) => r.code === "SCHEMA_VEHICLE_INVALID")!;
    expect(rule.examples[0]).toMatchObject({ record: 1, problems: [expect.stringMatching(/^annual_mileage: .*number/)] });
  });

  it("reads async sources (files) as well as in-memory ones", async () => {
    const snapshot = cleanSnapshot(100);
    async function* slowly<T>(items: T[]) {
      for (const item of items) yield await Promise.resolve(item);
    }
    const progress: string[] = [];
    const { report } = await validateSnapshot(
      perEntity(PC_PACK_SPEC, (entity) => () => slowly(snapshot[entity as keyof SnapshotRecords] as unknown[])) as SnapshotSources,
      { asOf: snapshot.config.asOf, pack: PC_CHECKS, progressEvery: 50, onProgress: (entity, n) => progress.push(`${entity}:${n}`) },
    );
    expect(report.passed).toBe(true);
    expect(progress).toContain("persons:50");
    expect(progress).toContain("households:100");
    expect(progress).toContain(`profiles:${snapshot.persons.length}`);
  });
});

describe("the P&C pack's README", () => {
  it("documents every rule with its severity and message", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const missing = Object.entries(RULES).filter(([code, r]) => !readme.includes(`| \`${code}\` | ${r.severity} | ${r.message} |`));
    expect(missing.map(([code]) => code)).toEqual([]);
  });
});

describe("the rules a pack's declaration implies (ADR 0016)", () => {
  it("are in the catalog, as errors, with the wording the declaration gives them", async () => {
    const { impliedRules } = await import("@sdh/schemas");
    const implied = impliedRules(PC_PACK_SPEC);
    expect(implied.map((r) => r.code)).toEqual([
      "SCHEMA_HOUSEHOLD_INVALID", "UNIQUE_HOUSEHOLD_ID",
      "SCHEMA_PERSON_INVALID", "UNIQUE_PERSON_ID", "REF_PERSON_HOUSEHOLD_MISSING",
      "SCHEMA_VEHICLE_INVALID", "UNIQUE_VEHICLE_ID", "REF_VEHICLE_HOUSEHOLD_MISSING", "REF_VEHICLE_OWNER_MISSING",
      "SCHEMA_PROFILE_INVALID", "UNIQUE_PROFILE_ID", "REF_PROFILE_PERSON_MISSING", "REF_PROFILE_MISSING", "REF_PROFILE_DUPLICATE",
      "SCHEMA_POLICY_INVALID", "UNIQUE_POLICY_ID", "REF_POLICY_HOUSEHOLD_MISSING", "REF_POLICY_NAMED_INSURED_MISSING",
      "SCHEMA_DRIVER_INVALID", "UNIQUE_DRIVER_ID", "REF_DRIVER_POLICY_MISSING", "REF_DRIVER_PERSON_MISSING",
      "SCHEMA_POLICY_VEHICLE_INVALID", "UNIQUE_POLICY_VEHICLE_ID", "REF_POLICY_VEHICLE_POLICY_MISSING", "REF_POLICY_VEHICLE_VEHICLE_MISSING", "REF_POLICY_VEHICLE_DRIVER_MISSING",
      "SCHEMA_COVERAGE_INVALID", "UNIQUE_COVERAGE_ID", "REF_COVERAGE_POLICY_MISSING", "REF_COVERAGE_POLICY_VEHICLE_MISSING",
      "SCHEMA_CLAIM_INVALID", "UNIQUE_CLAIM_ID", "REF_CLAIM_POLICY_MISSING", "REF_CLAIM_COVERAGE_MISSING", "REF_CLAIM_VEHICLE_MISSING", "REF_CLAIM_DRIVER_MISSING",
    ]);
    for (const { code, message } of implied) {
      expect(RULES[code as keyof typeof RULES], code).toEqual({ severity: "error", message });
    }
    // The pack's own reference rules are named by the declaration too, and are in the catalog.
    const named = PC_PACK_SPEC.entities.flatMap((e) => e.foreignKeys.map((fk) => fk.rule));
    expect(named.filter((code) => !(code in RULES))).toEqual([]);
    expect(named).toContain("REF_PROFILE_PRIMARY_VEHICLE");
  });
});
