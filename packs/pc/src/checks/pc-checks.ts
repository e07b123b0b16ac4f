import { PC_PACK_SPEC } from "../schemas/index.js";
import type { CompactKeySet, PackChecks, PackValidation } from "@sdh/validation";
import { RULES } from "./rule-catalog.js";
import { DistributionTally } from "./pc-distributions.js";
import { checkHouseholdTotals, createHouseholdChecks } from "./household-checks.js";
import { HouseholdIndex } from "./household-index.js";
import { PersonIndex } from "./person-index.js";
import { createPersonChecks } from "./person-checks.js";
import { createProfileChecks } from "./profile-checks.js";
import { createVehicleChecks } from "./vehicle-checks.js";
import { createDriverChecks } from "./driver-checks.js";
import { checkPolicyTotals, createPolicyChecks } from "./policy-checks.js";
import { BookIndex, CoverageIndex, DriverIndex, PolicyIndex, PolicyVehicleIndex, VehicleIndex } from "./policy-index.js";
import { checkProfileBooks, createClaimChecks } from "./claim-checks.js";
import { checkCoverageTotals, createCoverageChecks } from "./coverage-checks.js";
import { createPolicyVehicleChecks } from "./policy-vehicle-checks.js";

/** The P&C pack's uniqueness rules beyond primary keys, each with how its keys pack and how many per household. */
const PC_UNIQUE_KEYS = {
  UNIQUE_LICENSE: { kind: "short-text", perRoot: 1 },
  UNIQUE_LICENSE_DERIVED: { kind: "short-text", perRoot: 1 / 8 },
  // Emails do not fit 20 characters: kept as 128-bit hashes (16 bytes each, not ~100 as strings).
  UNIQUE_EMAIL: { kind: "hashed-text", perRoot: 1 },
  UNIQUE_VIN: { kind: "short-text", perRoot: 2 },
  UNIQUE_PLATE: { kind: "short-text", perRoot: 2 },
  UNIQUE_POLICY_NUMBER: { kind: "short-text", perRoot: 1 },
  UNIQUE_CLAIM_NUMBER: { kind: "short-text", perRoot: 0.1 },
} as const;

export type PcUniqueRule = keyof typeof PC_UNIQUE_KEYS;

/**
 * The P&C pack's domain rules (households, persons, vehicles, profiles, policies, drivers, policy
 * vehicles, coverages, claims): licences, ZIP codes, VINs, plates, minors, lines of business, a
 * household's address, head and counts, what a profile says of its person's vehicles and book, a
 * policy's named insured, term, status, agency and premium, who and what is on it, its coverages
 * against its state's statutes, and its claims' dates, coverage, vehicle, driver, fault and money.
 * Indexes keyed by the ordinals of households, persons, vehicles, policies, drivers, policy vehicles
 * and coverages carry what the later rules need to know of each.
 */
export const PC_CHECKS: PackChecks = {
  pack: PC_PACK_SPEC,
  rules: RULES,
  uniqueKeys: PC_UNIQUE_KEYS,
  create({ asOf, reportOf, keys, expectedRoots }) {
    const index = new PersonIndex(expectedRoots && Math.ceil(expectedRoots * 1.6));
    const households = new HouseholdIndex();
    const policies = new PolicyIndex();
    const drivers = new DriverIndex();
    const vehicles = new VehicleIndex();
    const policyVehicles = new PolicyVehicleIndex();
    const coverages = new CoverageIndex();
    const book = new BookIndex();
    const pcKeys = Object.fromEntries(Object.keys(PC_UNIQUE_KEYS).map((rule) => [rule, keys[rule]!])) as Record<PcUniqueRule, CompactKeySet>;
    const context = (entity: string) => ({ asOf, report: reportOf(entity), index, households, policies, drivers, vehicles, policyVehicles, coverages, book, keys: pcKeys });
    return {
      checks: {
        households: createHouseholdChecks(households),
        persons: createPersonChecks(context("persons")),
        vehicles: createVehicleChecks(context("vehicles")),
        profiles: createProfileChecks(context("profiles")),
        policies: createPolicyChecks(context("policies")),
        drivers: createDriverChecks(context("drivers")),
        policy_vehicles: createPolicyVehicleChecks(context("policy_vehicles")),
        coverages: createCoverageChecks(context("coverages")),
        claims: createClaimChecks(context("claims")),
      },
      finish: () => {
        checkHouseholdTotals(households, reportOf("households"));
        checkPolicyTotals(policies, reportOf("policies"));
        checkCoverageTotals(policies, policyVehicles, { policies: reportOf("policies"), policyVehicles: reportOf("policy_vehicles") });
        checkProfileBooks(book, reportOf("profiles"));
      },
      bytes: () => index.bytes + households.bytes + policies.bytes + drivers.bytes + vehicles.bytes + policyVehicles.bytes + coverages.bytes + book.bytes,
    };
  },
};

/** What validating the P&C pack's records needs: its declaration, its rules and its distribution checks (packs/pc adds the generator). */
export const PC_VALIDATION: PackValidation = {
  spec: PC_PACK_SPEC,
  checks: PC_CHECKS,
  createTally: () => new DistributionTally(),
};
