import type { LobType, PaymentPlan, Vehicle } from "@sdh/schemas";
import { agePoints, bodyPoints, experiencePoints, mileagePoints, usagePoints } from "./risk.js";
import { COMMERCIAL_BASE_RATE, MULTI_VEHICLE_DISCOUNT, PAID_IN_FULL_DISCOUNT, PERSONAL_BASE_RATE, POINT_SURCHARGE } from "./reference/policies.js";

/**
 * The rating algorithm: a vehicle's premium for a term as base rate × factors, in whole cents. It uses
 * the risk score's own point tables (risk.ts), so a riskier profile pays more. A documented rule that QA
 * can recompute by hand (packages/rules/README.md, "Policies"), not a filed rate.
 */
export interface RatedVehicle {
  lob: LobType;
  vehicle: Pick<Vehicle, "body_type" | "usage" | "annual_mileage" | "gvwr_class">;
  /** The principal driver's age, years licensed and record points; null when rated without one (commercial). */
  driver: { age: number; yearsLicensed: number; points: number } | null;
  vehicles: number;
  termMonths: number;
  paymentPlan: PaymentPlan;
}

/** The driver factor: 1 + (age and experience points of the risk score) / 40; a 17-year-old new driver pays about 2.1×. */
export function driverFactor(age: number, yearsLicensed: number): number {
  return 1 + (agePoints(age) + experiencePoints(yearsLicensed)) / 40;
}

/** The vehicle factor: 1 + (body, usage and mileage points of the risk score) / 50. */
export function vehicleFactor(vehicle: RatedVehicle["vehicle"]): number {
  return 1 + (bodyPoints(vehicle.body_type) + usagePoints(vehicle.usage) + mileagePoints(vehicle.annual_mileage)) / 50;
}

/** The premium of one vehicle for the term, in cents. */
export function vehiclePremiumCents(v: RatedVehicle): number {
  const base = v.lob === "commercial" ? COMMERCIAL_BASE_RATE[v.vehicle.gvwr_class ?? "1"] : PERSONAL_BASE_RATE;
  let annual = base * vehicleFactor(v.vehicle);
  if (v.driver) annual *= driverFactor(v.driver.age, v.driver.yearsLicensed) * (1 + POINT_SURCHARGE * v.driver.points);
  if (v.vehicles >= 2) annual *= 1 - MULTI_VEHICLE_DISCOUNT;
  if (v.paymentPlan === "paid_in_full") annual *= 1 - PAID_IN_FULL_DISCOUNT;
  return Math.round((annual * 100 * v.termMonths) / 12);
}
