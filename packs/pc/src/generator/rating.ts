import type { Coverage, CoverageCode, LobType, PaymentPlan, Vehicle } from "../schemas/index.js";
import { bodyPoints, mileagePoints, usagePoints } from "./risk.js";
import { AVERAGE_DRIVER_MILES, milesForDriverAge } from "./reference/distributions.js";
import { ageRelativity, experienceRelativity } from "./reference/driver-relativities.js";
import { MULTI_VEHICLE_DISCOUNT, PAID_IN_FULL_DISCOUNT, POINT_SURCHARGE } from "./reference/policies.js";
import { COMMERCIAL_BASE_RATE, COMMERCIAL_COVERAGE_SHARE, PERSONAL_COVERAGE_BASE, UNLIMITED_PIP_FACTOR, VEHICLE_AGE_DISCOUNT } from "./reference/coverages.js";

/**
 * The rating algorithm: each coverage's premium for a term, per vehicle, as its base rate × its limit or
 * deductible factor × the vehicle's and drivers' relativities × discounts and term, in whole cents. The
 * vehicle factor reuses the risk score's point tables (risk.ts); the drivers' relativities are those
 * claims follow (reference/driver-relativities.ts), so a riskier household pays more and claims more. A
 * documented rule that QA can recompute by hand (pack README, "Rating"), not a filed rate.
 */
export interface RatedVehicle {
  lob: LobType;
  vehicle: Pick<Vehicle, "body_type" | "usage" | "annual_mileage" | "gvwr_class" | "model_year">;
  /** The vehicle's share of its policy's crash exposure: householdCrashExposure ÷ vehicles; null when rated without drivers (commercial). */
  driver: number | null;
  vehicles: number;
  termMonths: number;
  paymentPlan: PaymentPlan;
}

/** A coverage's terms, as its record shows them (US dollars; null where the coverage has none). */
export type CoverageTerms = Pick<Coverage, "coverage_code" | "limit_per_person" | "limit_per_accident" | "limit_per_day" | "deductible">;

/** What rating reads of a driver: age and years licensed at asOf, and the points on their record. */
export interface RatedDriver {
  age: number;
  yearsLicensed: number;
  points: number;
}

/** A driver's crash relativity: age × experience × record (each point adds POINT_SURCHARGE). A 17-year-old new driver with a clean record: 4.7. */
export function driverRelativity(d: RatedDriver): number {
  return ageRelativity(d.age) * experienceRelativity(d.yearsLicensed) * (1 + POINT_SURCHARGE * d.points);
}

/**
 * How much a driver drives, in car years: their age's average annual miles over the average US
 * driver's (both from FHWA's "Average Annual Miles per Driver by Age Group": milesForDriverAge and
 * AVERAGE_DRIVER_MILES). A teenager drives about half a car year, a driver of 35-54 about 1.1.
 */
export function drivingExposure(age: number): number {
  return milesForDriverAge(age) / AVERAGE_DRIVER_MILES;
}

/**
 * The crash exposure of a personal policy's listed drivers in a year: Σ drivingExposure ×
 * driverRelativity. Crash losses follow the drivers, not the vehicles parked: each vehicle is driven
 * a 1/vehicles share of it (household composite rating, one of the ways carriers rate several drivers;
 * pack README, "Rating"). A couple of 40 is 2.3; adding a 17-year-old new driver makes it 4.9.
 */
export function householdCrashExposure(drivers: readonly RatedDriver[]): number {
  return drivers.reduce((sum, d) => sum + drivingExposure(d.age) * driverRelativity(d), 0);
}

/** The vehicle factor: 1 + (body, usage and mileage points of the risk score) / 50. */
export function vehicleFactor(vehicle: RatedVehicle["vehicle"]): number {
  return 1 + (bodyPoints(vehicle.body_type) + usagePoints(vehicle.usage) + mileagePoints(vehicle.annual_mileage)) / 50;
}

/** The vehicle's crash risk as rated: its vehicle factor × its share of the drivers' crash exposure (claims follow it; discounts do not change it). */
export function riskRelativity(v: Pick<RatedVehicle, "vehicle" | "driver">): number {
  return vehicleFactor(v.vehicle) * (v.driver ?? 1);
}

/** The coverages whose losses come from how the vehicle is driven: rated on riskRelativity; the others (comprehensive, towing) on the vehicle factor alone. */
const CRASH_COVERAGES: ReadonlySet<CoverageCode> = new Set(["BI", "PD", "CSL", "UM", "PIP", "MEDPAY", "COLL", "RENTAL"]);

/** The discounts and the term's share of a year, which every coverage of a vehicle is multiplied by. */
export function termFactor(v: Pick<RatedVehicle, "vehicles" | "paymentPlan" | "termMonths">): number {
  let factor = 1;
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
 * One vehicle's premium for one coverage over the term, in cents: base rate × limit or deductible
 * factor × (riskRelativity for crash coverages, vehicleFactor for the others) × the state's rate level
 * (1 on a commercial policy; reference/state-rate-levels.ts) × termFactor; `limit` is
 * limitFactor(v.lob, c) (a line coverage's is the same on every vehicle of the policy, so the caller may
 * pass it once worked out).
 */
export function coveragePremiumCents(v: RatedVehicle, factors: { crash: number; vehicle: number; state: number; term: number }, c: CoverageTerms, vehicleAge: number, limit = limitFactor(v.lob, c)): number {
  let annual = coverageBaseRate(v.lob, v.vehicle.gvwr_class, c.coverage_code) * limit;
  if (c.coverage_code === "COMP" || c.coverage_code === "COLL") annual *= vehicleAgeFactor(vehicleAge);
  const risk = CRASH_COVERAGES.has(c.coverage_code) ? factors.crash : factors.vehicle;
  return Math.round(annual * risk * factors.state * factors.term * 100);
}
