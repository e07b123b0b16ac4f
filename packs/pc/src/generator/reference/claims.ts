import type { LossCause } from "../../schemas/index.js";
import { weighted } from "@sdh/rules";

// How claims arise and are handled (documented in the pack README, "Claims"). Frequencies and
// severities come from ISO's countrywide experience (claim-experience.ts); how crashes happen from
// NHTSA; the rest are rounded rules for test data a P&C QA lead would recognise, not statistics.

/**
 * Crash types of claims, from NHTSA Traffic Safety Facts 2014, "Crashes by first harmful event, type of
 * collision and crash severity" (public domain, US Government work; percent of crashes): bodily injury
 * claims follow injury crashes, property damage and collision claims property-damage-only crashes.
 * Collisions with an animal are comprehensive losses (insurers pay them under comprehensive); other and
 * unknown types, trains and non-collisions are left out and the rest renormalised.
 */
export const INJURY_CRASH_TYPES = weighted<LossCause>([
  ["rear_end", 31.7], ["angle", 26.6], ["sideswipe", 6.0], ["head_on", 3.8], ["fixed_object", 16.1], ["parked_vehicle", 3.1], ["pedestrian_or_cyclist", 6.5],
]);
export const DAMAGE_CRASH_TYPES = weighted<LossCause>([
  ["rear_end", 32.9], ["angle", 19.2], ["sideswipe", 13.9], ["head_on", 1.7], ["fixed_object", 14.4], ["parked_vehicle", 7.0], ["pedestrian_or_cyclist", 0.2],
]);
/** Single-vehicle crashes: the insured driver is at fault. */
export const SINGLE_VEHICLE_CAUSES: ReadonlySet<LossCause> = new Set(["fixed_object", "parked_vehicle"]);
/** Of collision claims in crashes with another moving vehicle, the share where the insured driver was at fault (a rule). */
export const COLLISION_AT_FAULT_SHARE = 0.55;

/** Comprehensive perils (a rule: glass and animals lead, as carriers report; no public table gives the split). */
export const COMPREHENSIVE_PERILS = weighted<LossCause>([
  ["glass", 0.38], ["animal", 0.22], ["weather", 0.17], ["theft", 0.11], ["vandalism", 0.09], ["fire", 0.03],
]);

/**
 * The spread of a loss around its year's average (lognormal, σ of its logarithm): injuries spread most.
 */
export const SEVERITY_SIGMA = { bi: 1.1, pd: 0.9, coll: 0.8, comp: 1.0 } as const;

/** ISO's physical damage severities are paid claims on a $500 deductible: gross losses are drawn so that, at this deductible, their paid claims average ISO's (loss-severity.ts). */
export const ISO_DEDUCTIBLE = 500;

/**
 * Frequency follows risk: a vehicle's expected claims are the year's frequency × its risk relativity (the
 * rating's vehicle, driver and record factors, without discounts) ÷ the book's mean relativity, so the
 * book as a whole claims at ISO's countrywide rate. The mean is measured on 50,000 households (seed 42).
 */
export const MEAN_RISK_RELATIVITY = 1.41;

/** Physical damage severity follows the vehicle's value: × its age factor ÷ the book's mean age factor (measured likewise). */
export const MEAN_VEHICLE_AGE_FACTOR = 0.57;

/** Days from loss to report (a rule): most the same or the next days, injuries later. */
export const REPORT_LAG_DAYS = weighted<readonly [number, number]>([[[0, 0], 0.35], [[1, 3], 0.35], [[4, 14], 0.2], [[15, 60], 0.1]]);

/** Mean days from report to closing, by peril (exponential; a rule): glass and collision in weeks, injuries in months. */
export const MEAN_SETTLEMENT_DAYS = { bi: 270, pd: 45, coll: 30, comp: 20 } as const;

/** Liability claims closed without payment (no liability found, or withdrawn): a rule. */
export const LIABILITY_DENIED_SHARE = 0.08;

/** An open claim reported more than this many days ago may carry a partial payment. */
export const PARTIAL_PAYMENT_AFTER_DAYS = 30;
/** Share of such claims with a partial payment, and what part of the estimate it pays (a rule). */
export const PARTIAL_PAYMENT_SHARE = 0.5;
export const PARTIAL_PAYMENT_PART = [0.25, 0.75] as const;

/** Of a crash claim, the share where the vehicle's principal driver drove it (else another listed driver of the policy). */
export const PRINCIPAL_DRIVER_SHARE = 0.85;
