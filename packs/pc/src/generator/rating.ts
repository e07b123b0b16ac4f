import type { Coverage, CoverageCode, LobType, PaymentPlan, Vehicle } from "../schemas/index.js";
import { agePoints, bodyPoints, experiencePoints, mileagePoints, usagePoints } from "./risk.js";
import { MULTI_VEHICLE_DISCOUNT, PAID_IN_FULL_DISCOUNT, POINT_SURCHARGE } from "./reference/policies.js";
import { COMMERCIAL_BASE_RATE, COMMERCIAL_COVERAGE_SHARE, PERSONAL_COVERAGE_BASE, UNLIMITED_PIP_FACTOR, VEHICLE_AGE_DISCOUNT } from "./reference/coverages.js";

/**
 * The rating algorithm: each coverage's premium for a term, per vehicle, as its base rate × its limit or
 * deductible factor × the vehicle's factors, in whole cents. The vehicle's factors reuse the risk
 * score's own point tables (risk.ts), so a riskier profile pays more. A documented rule that QA can
 * recompute by hand (packages/rules/README.md, "Rating"), not a filed rate.
 */
export interface RatedVehicle {
  lob: LobType;
  vehicle: Pick<Vehicle, "body_type" | "usage" | "annual_mileage" | "gvwr_class" | "model_year">;
  /** The principal driver's age, years licensed and record points; null when rated without one (commercial). */
  driver: { age: number; yearsLicensed: number; points: number } | null;
  vehicles: number;
  termMonths: number;
  paymentPlan: PaymentPlan;
}

/** A coverage's terms, as its record shows them (US dollars; null where the coverage has none). */
export type CoverageTerms = Pick<Coverage, "coverage_code" | "limit_per_person" | "limit_per_accident" | "limit_per_day" | "deductible">;

/** The driver factor: 1 + (age and experience points of the risk score) / 40; a 17-year-old new driver pays about 2.1×. */
export function driverFactor(age: number, yearsLicensed: number): number {
  return 1 + (agePoints(age) + experiencePoints(yearsLicensed)) / 40;
}

/** The vehicle factor: 1 + (body, usage and mileage points of the risk score) / 50. */
export function vehicleFactor(vehicle: RatedVehicle["vehicle"]): number {
  return 1 + (bodyPoints(vehicle.body_type) + usagePoints(vehicle.usage) + mileagePoints(vehicle.annual_mileage)) / 50;
}

/** The vehicle's risk as rated: its vehicle, driver and record factors (claims follow it; discounts do not change it). */
export function riskRelativity(v: Pick<RatedVehicle, "vehicle" | "driver">): number {
  let factor = vehicleFactor(v.vehicle);
  if (v.driver) factor *= driverFactor(v.driver.age, v.driver.yearsLicensed) * (1 + POINT_SURCHARGE * v.driver.points);
  return factor;
}

/** What every coverage of a vehicle is multiplied by: its risk relativity, discounts, and the term's share of a year. */
export function vehicleRatingFactor(v: RatedVehicle, relativity = riskRelativity(v)): number {
  let factor = relativity;
  if (v.vehicles >= 2) factor *= 1 - MULTI_VEHICLE_DISCOUNT;
  if (v.paymentPlan === "paid_in_full") factor *= 1 - PAID_IN_FULL_DISCOUNT;
  return (factor * v.termMonths) / 12;
}

/** Physical damage costs less as the vehicle ages (model years before asOf's year). */
export function vehicleAgeFactor(vehicleAge: number): number {
  return Math.max(VEHICLE_AGE_DISCOUNT.floor, 1 - VEHICLE_AGE_DISCOUNT.perYear * Math.max(0, vehicleAge));
}

/**
 * `ratio ** exponent`, each ratio worked out once: a book's limits and deductibles are a few dozen
 * values from the reference tables, and a power costs more than a lookup (it runs per coverage).
 * Bounded, in case a config ever makes limits without number.
 */
function powerOf(exponent: number): (ratio: number) => number {
  const known = new Map<number, number>();
  return (ratio) => {
    let power = known.get(ratio);
    if (power === undefined) {
      power = ratio ** exponent;
      if (known.size < 10_000) known.set(ratio, power);
    }
    return power;
  };
}
const pow018 = powerOf(0.18);
const pow03 = powerOf(0.3);
const pow032 = powerOf(0.32);
const pow04 = powerOf(0.4);
const pow05 = powerOf(0.5);

/** A coverage's limit or deductible factor against its base limits (the pack README's table). */
export function limitFactor(lob: LobType, c: CoverageTerms): number {
  switch (c.coverage_code) {
    case "BI":
      return pow032(c.limit_per_person! / 25_000);
    case "UM":
      return lob === "commercial" ? pow03(c.limit_per_accident! / 500_000) : pow032(c.limit_per_person! / 25_000);
    case "CSL":
      return pow03(c.limit_per_accident! / 500_000);
    case "PD":
      return pow018(c.limit_per_accident! / 25_000);
    case "PIP":
      return c.limit_per_person === null ? UNLIMITED_PIP_FACTOR : pow04(c.limit_per_person / 10_000);
    case "MEDPAY":
      return pow05(c.limit_per_person! / 5_000);
    case "COMP":
    case "COLL":
      return pow03(500 / c.deductible!);
    case "RENTAL":
      return c.limit_per_day! / 30;
    case "TOWING":
      return c.limit_per_accident! / 75;
  }
}

/** A coverage's annual base rate for this vehicle, before factors. */
export function coverageBaseRate(lob: LobType, gvwr: Vehicle["gvwr_class"], code: CoverageCode): number {
  if (lob === "commercial") return COMMERCIAL_BASE_RATE[gvwr ?? "1"] * (COMMERCIAL_COVERAGE_SHARE[code] ?? 0);
  return code === "CSL" ? 0 : PERSONAL_COVERAGE_BASE[code];
}

/**
 * One vehicle's premium for one coverage over the term, in cents; `ratingFactor` is
 * vehicleRatingFactor(v), and `limit` limitFactor(v.lob, c) (a line coverage's is the same on every
 * vehicle of the policy, so the caller may pass it once worked out).
 */
export function coveragePremiumCents(v: RatedVehicle, ratingFactor: number, c: CoverageTerms, vehicleAge: number, limit = limitFactor(v.lob, c)): number {
  let annual = coverageBaseRate(v.lob, v.vehicle.gvwr_class, c.coverage_code) * limit;
  if (c.coverage_code === "COMP" || c.coverage_code === "COLL") annual *= vehicleAgeFactor(vehicleAge);
  return Math.round(annual * ratingFactor * 100);
}
