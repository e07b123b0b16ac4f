import type { CancellationReason, PaymentPlan, SalesChannel } from "../../schemas/index.js";
import { weighted } from "@sdh/rules";

// How the book's policies are written (rules, documented in the pack README). These shares are rounded
// rules for test data a P&C QA lead would recognise, not measured market statistics: no public source
// with a licence that allows it publishes them by carrier or state.

/** Share of personal auto policies written for six months (most direct writers) rather than twelve; commercial auto is always annual. */
export const PERSONAL_SIX_MONTH_SHARE = 0.7;

/**
 * Terms a policy has renewed before the current one: a retention curve. Each term renews with the same
 * probability (a rule: RETENTION_PER_TERM, in line with the 80-90% annual retention carriers report), so
 * the count of policies falls geometrically with tenure, with no spike at any term: new business is
 * 1 − RETENTION_PER_TERM of the book. Up to MAX_PRIOR_TERMS, and capped so that inception never precedes
 * the named insured's licence (see policy.ts).
 */
export const RETENTION_PER_TERM = 0.86;
export const MAX_PRIOR_TERMS = 40;
export const PRIOR_TERMS = weighted<number>(Array.from({ length: MAX_PRIOR_TERMS + 1 }, (_, k) => [k, RETENTION_PER_TERM ** k] as const));

/**
 * Where a policy's current term stands at asOf, before the renewal window turns an in-force term into
 * pending_renewal (a head who came of age lately has new business in force, which moves a little weight
 * to in_force). The quality report checks the shares.
 */
export const TERM_OUTCOME_SHARES = { in_force: 0.89, cancelled: 0.06, expired: 0.05 } as const;
export const TERM_OUTCOMES = weighted<keyof typeof TERM_OUTCOME_SHARES>(Object.entries(TERM_OUTCOME_SHARES) as Array<[keyof typeof TERM_OUTCOME_SHARES, number]>);

/** Days before expiration a carrier issues the renewal offer: an in-force term inside this window is pending_renewal. */
export const RENEWAL_WINDOW_DAYS = 30;

/** An expired term ended within this many days before asOf (the household's last term with the carrier). */
export const EXPIRED_WITHIN_DAYS = 180;

/** Why a term was cancelled, on an instalment plan (nonpayment is possible) and paid in full (it is not). */
export const CANCELLATION_REASONS_INSTALMENT = weighted<CancellationReason>([
  ["nonpayment", 0.55],
  ["insured_request", 0.35],
  ["underwriting", 0.1],
]);
export const CANCELLATION_REASONS_PAID = weighted<CancellationReason>([
  ["insured_request", 0.8],
  ["underwriting", 0.2],
]);

/** How personal and commercial auto are sold: commercial auto mostly through independent agents. */
export const CHANNELS = {
  personal: weighted<SalesChannel>([["captive_agent", 0.4], ["independent_agent", 0.25], ["direct", 0.35]]),
  commercial: weighted<SalesChannel>([["captive_agent", 0.15], ["independent_agent", 0.8], ["direct", 0.05]]),
} as const;

/** Agencies per state an agency code is drawn from: the household's ZIP code picks one, so neighbours share an agency. */
export const AGENCIES_PER_STATE = 400;

/** Payment plans by term: a six-month term is paid in full or monthly; an annual one in full, in two, quarterly or monthly. */
export const PAYMENT_PLANS = {
  6: weighted<PaymentPlan>([["paid_in_full", 0.3], ["monthly", 0.7]]),
  12: weighted<PaymentPlan>([["paid_in_full", 0.3], ["two_pay", 0.15], ["quarterly", 0.15], ["monthly", 0.4]]),
} as const;

// The driver record: points for the 36 months before asOf, as a safe-driver plan counts them.

/** Chance that a driver has an at-fault accident on record, by age: the young crash most (a rule). */
export function accidentShare(age: number): number {
  if (age < 20) return 0.16;
  if (age < 25) return 0.11;
  if (age < 65) return 0.06;
  if (age < 75) return 0.07;
  return 0.09;
}

/** Points per at-fault accident. */
export const ACCIDENT_POINTS = 3;

/** Chance that a driver has a moving violation on record, by age (a rule). */
export function violationShare(age: number): number {
  if (age < 25) return 0.22;
  if (age < 65) return 0.11;
  return 0.06;
}

/** Points of the violations on a record that has any: mostly one minor speeding ticket, sometimes a major violation (4). */
export const VIOLATION_POINTS = weighted<number>([[1, 0.62], [2, 0.2], [3, 0.08], [4, 0.06], [6, 0.04]]);

/** A record with a major violation (4 points or more) has a suspended licence this often; the household then excludes that member. */
export const SUSPENDED_WITH_MAJOR_SHARE = 0.35;

// The rating algorithm's factors shared by every coverage (pack README, "Rating"); the coverage rates are in coverages.ts.

/** Each point on the principal driver's record adds this share to the premium (accident and violation points alike). */
export const POINT_SURCHARGE = 0.12;
/** Discount on each vehicle of a policy with two or more. */
export const MULTI_VEHICLE_DISCOUNT = 0.1;
/** Discount for paying the term in full. */
export const PAID_IN_FULL_DISCOUNT = 0.05;
