import type { CoverageCode, GvwrClass } from "../../schemas/index.js";
import { weighted, type WeightedTable } from "@sdh/rules";

// Which coverages a policy carries and at what limits (rules, documented in the pack README). The
// state's statutes set the floor (state-minimums.ts); above it these shares are rounded rules for test
// data a P&C QA lead would recognise, not measured market statistics.

/**
 * Liability tiers of personal auto, bodily injury per person / per accident and property damage: one in
 * five buys the state's minimum, most 100/300. A tier under the state's minimum is raised to it.
 */
export const LIABILITY_TIERS = weighted<readonly [biPerPerson: number, biPerAccident: number, pd: number]>([
  [[0, 0, 0], 0.2], // the state's minimum (in Florida: no bodily injury liability)
  [[50_000, 100_000, 50_000], 0.28],
  [[100_000, 300_000, 100_000], 0.36],
  [[250_000, 500_000, 100_000], 0.13],
  [[500_000, 1_000_000, 250_000], 0.03],
]);

/** Commercial auto buys one combined single limit; an interstate truck's policy at least the federal $750,000 (so $1,000,000). */
export const COMMERCIAL_CSL = weighted<number>([[300_000, 0.15], [500_000, 0.3], [1_000_000, 0.55]]);

/** Where uninsured motorists coverage may be rejected, this share keeps it, at the liability limits. */
export const OPTIONAL_UM_SHARE = 0.7;

/** Where PIP is offered but may be rejected, this share takes the standard amount. */
export const OFFERED_PIP_SHARE = 0.35;

/** PIP above the state's minimum where a choice is common; elsewhere the minimum. null = unlimited benefits. */
export const PIP_CHOICES: Partial<Record<string, WeightedTable<number | null>>> = {
  // Michigan since 2020-07-02 (MCL 500.3107c): unlimited, 500k, 250k; 50k only for Medicaid enrollees.
  MI: weighted<number | null>([[null, 0.45], [500_000, 0.2], [250_000, 0.3], [50_000, 0.05]]),
  // New Jersey's standard policy defaults to $250,000; $15,000 is the floor.
  NJ: weighted<number | null>([[250_000, 0.55], [15_000, 0.25], [50_000, 0.1], [100_000, 0.1]]),
  // New York's basic $50,000, or additional PIP to $100,000.
  NY: weighted<number | null>([[50_000, 0.8], [100_000, 0.2]]),
};

/** Medical payments: bought by this share where PIP is not carried, and this share on top of PIP. */
export const MEDPAY_SHARE = { withoutPip: 0.45, withPip: 0.15 } as const;
export const MEDPAY_LIMITS = weighted<number>([[1_000, 0.2], [2_000, 0.2], [5_000, 0.4], [10_000, 0.2]]);

/**
 * Physical damage on a vehicle owned outright, by its age in model years (lenders and lessors require
 * it otherwise): together about three in four insured vehicles carry comprehensive, a little fewer
 * collision, as the III's count of coverage by vehicle has it.
 */
export function physicalDamageShare(vehicleAge: number): number {
  if (vehicleAge <= 4) return 0.95;
  if (vehicleAge <= 9) return 0.85;
  return 0.55;
}
/** Of owned vehicles with physical damage, this share carries comprehensive alone (no collision): older cars. */
export const COMPREHENSIVE_ONLY_SHARE = 0.1;
export const COMP_DEDUCTIBLES = weighted<number>([[100, 0.08], [250, 0.27], [500, 0.45], [1_000, 0.2]]);
export const COLL_DEDUCTIBLES = weighted<number>([[250, 0.1], [500, 0.55], [1_000, 0.3], [2_000, 0.05]]);
/** A lender or lessor accepts at most this deductible. */
export const FINANCED_MAX_DEDUCTIBLE = 1_000;

/** Rental reimbursement (personal, with collision): per day / most per claim. */
export const RENTAL_SHARE = 0.4;
export const RENTAL_LIMITS = weighted<readonly [perDay: number, perClaim: number]>([[[30, 900], 0.5], [[40, 1_200], 0.3], [[50, 1_500], 0.2]]);
/** Towing and labour (personal, with comprehensive): per disablement. */
export const TOWING_SHARE = 0.45;
export const TOWING_LIMITS = weighted<number>([[50, 0.25], [75, 0.35], [100, 0.3], [200, 0.1]]);

// The rating algorithm's coverage rates (pack README, "Rating"): each coverage's annual base rate at its
// base limits, times its limit or deductible factor, times the vehicle's factors.

/**
 * Annual base rate of each personal auto coverage at its base limits, for a vehicle of relativity 1, in
 * US dollars (a documented rule, not a filed rate). Set as ratemaking sets rates: each coverage's
 * expected losses in the book over a permissible loss ratio of 0.70 (PERMISSIBLE_LOSS_RATIO), measured on
 * 50,000 households (seed 42, `pnpm --filter @sdh/pack-pc realism`). The book's losses follow ISO's
 * frequencies and severities, so its loss ratio lands where the industry's private passenger loss
 * ratios run (0.6-0.8).
 */
export const PERMISSIBLE_LOSS_RATIO = 0.7;
export const PERSONAL_COVERAGE_BASE: Record<Exclude<CoverageCode, "CSL">, number> = {
  BI: 150, // at 25/50
  PD: 182, // at 25,000
  UM: 21, // at 25/50
  PIP: 50, // at 10,000
  MEDPAY: 15, // at 5,000
  COMP: 191, // at a 500 deductible
  COLL: 625, // at a 500 deductible
  RENTAL: 21, // at 30 a day
  TOWING: 4, // at 75
};
/** Annual base rate of a commercial vehicle by GVWR class, in US dollars, split among its coverages below. */
export const COMMERCIAL_BASE_RATE: Record<GvwrClass, number> = {
  "1": 1300, "2a": 1500, "2b": 1900, "3": 2300, "4": 2800, "5": 3200, "6": 3800, "7": 5600, "8": 8200,
};
export const COMMERCIAL_COVERAGE_SHARE: Partial<Record<CoverageCode, number>> = {
  CSL: 0.62, // at 500,000
  UM: 0.05, // at 500,000
  PIP: 0.08,
  MEDPAY: 0.02,
  COMP: 0.08,
  COLL: 0.22,
};

/** Unlimited PIP (Michigan) rates as this multiple of the 10,000 base. */
export const UNLIMITED_PIP_FACTOR = 5.5;
/** Physical damage costs less as a vehicle ages: 6% a model year, to at most 55% off. */
export const VEHICLE_AGE_DISCOUNT = { perYear: 0.06, floor: 0.45 } as const;
