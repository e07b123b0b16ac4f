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
export const SEVERITY_SIGMA = { bi: 1.1, pd: 0.9, um: 1.1, pip: 1.0, medpay: 0.9, coll: 0.8, comp: 1.0, towing: 0.5, rental: 0.6 } as const;

// First-party losses (issue 35): ISO's table has no UM, PIP or MedPay rows, so their frequency is stated
// against bodily injury liability's, and their severity against its severity.

/**
 * Claims per car year of the insured's own injury coverages, as multiples of ISO's BI frequency that
 * year. UM: the Insurance Research Council puts uninsured motorists claim frequency at about 15% of
 * BI's (2017-2023). PIP: in no-fault states of the order of BI's (the IRC, as the audit cites
 * it): 1.0. MedPay: half of BI's (a rule: it pays smaller medical bills of the insured's occupants).
 */
export const FIRST_PARTY_FREQUENCY_OF_BI = { um: 0.15, pip: 1.0, medpay: 0.5 } as const;

/**
 * Mean loss of the insured's own injury coverages, as multiples of ISO's BI severity that year (rules):
 * UM pays the injuries another driver's liability would have (1.0); PIP pays medical bills and lost
 * wages without pain and suffering (0.5); MedPay only medical bills, under small limits (0.15).
 */
export const FIRST_PARTY_SEVERITY_OF_BI = { um: 1.0, pip: 0.5, medpay: 0.15 } as const;

/** Tows per 100 car years with towing coverage, and the mean tow in US dollars (rules: frequent and small). */
export const TOWING_FREQUENCY = 5.0;
export const TOWING_MEAN_DOLLARS = 95;

/** Of paid collision and comprehensive claims on a vehicle with rental reimbursement, the share that rent a car, and the mean days rented (rules). */
export const RENTAL_USE_SHARE = 0.6;
export const RENTAL_MEAN_DAYS = 11;

/** ISO's physical damage severities are paid claims on a $500 deductible: gross losses are drawn so that, at this deductible, their paid claims average ISO's (loss-severity.ts). */
export const ISO_DEDUCTIBLE = 500;

/** A crash claim under PIP or MedPay, like a collision claim, was the insured driver's fault this often when another moving vehicle was involved (a rule). */
export const FIRST_PARTY_AT_FAULT_SHARE = COLLISION_AT_FAULT_SHARE;

/** Physical damage severity follows the vehicle's value: × its age factor ÷ the book's mean age factor (measured likewise). */
export const MEAN_VEHICLE_AGE_FACTOR = 0.57;

/** Days from loss to report (a rule): most the same or the next days, injuries later. */
export const REPORT_LAG_DAYS = weighted<readonly [number, number]>([[[0, 0], 0.35], [[1, 3], 0.35], [[4, 14], 0.2], [[15, 60], 0.1]]);

/** Mean days from report to closing, by peril (exponential; a rule): tows and glass in days, collision in weeks, injuries in months. */
export const MEAN_SETTLEMENT_DAYS = { bi: 270, pd: 45, um: 300, pip: 120, medpay: 90, coll: 30, comp: 20, towing: 7, rental: 30 } as const;

/** Liability claims closed without payment (no liability found, or withdrawn): a rule. */
export const LIABILITY_DENIED_SHARE = 0.08;

/** An open claim reported more than this many days ago may carry a partial payment. */
export const PARTIAL_PAYMENT_AFTER_DAYS = 30;
/** Share of such claims with a partial payment, and what part of the estimate it pays (a rule). */
export const PARTIAL_PAYMENT_SHARE = 0.5;
export const PARTIAL_PAYMENT_PART = [0.25, 0.75] as const;


