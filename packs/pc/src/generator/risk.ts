import type { RiskBand, Vehicle } from "../schemas/index.js";

/**
 * The risk score: a documented, rule-based sum of points (see packages/rules/README.md), clamped to
 * 0-100. It is a stand-in for a rating model that QA can reason about, not an actuarial model.
 */
export interface RiskFactors {
  age: number;
  yearsLicensed: number;
  /** The primary vehicle, or null for a person without vehicles. */
  primary: Pick<Vehicle, "body_type" | "model_year" | "usage" | "annual_mileage"> | null;
  asOfYear: number;
}

export const RISK_BASE = 10;

export function agePoints(age: number): number {
  if (age < 21) return 30;
  if (age < 25) return 20;
  if (age < 30) return 10;
  if (age < 65) return 0;
  if (age < 75) return 5;
  return 15;
}

export function experiencePoints(yearsLicensed: number): number {
  if (yearsLicensed < 2) return 15;
  if (yearsLicensed < 5) return 8;
  if (yearsLicensed < 10) return 3;
  return 0;
}

const BODY_POINTS: Record<Vehicle["body_type"], number> = {
  sedan: 0, hatchback: 0, wagon: 0, suv: 2, minivan: 0, coupe: 10, pickup: 3,
  cargo_van: 5, passenger_van: 6, box_truck: 12, tractor: 15,
};
export const bodyPoints = (body: Vehicle["body_type"]): number => BODY_POINTS[body];

/** Older vehicles lack modern crash-avoidance systems. */
export function vehicleAgePoints(vehicleAge: number): number {
  if (vehicleAge > 15) return 8;
  if (vehicleAge > 10) return 5;
  return 0;
}

const USAGE_POINTS: Record<Vehicle["usage"], number> = { pleasure: 0, commute: 5, business: 7, commercial: 10 };
export const usagePoints = (usage: Vehicle["usage"]): number => USAGE_POINTS[usage];

export function mileagePoints(annualMileage: number): number {
  if (annualMileage > 30_000) return 15;
  if (annualMileage > 20_000) return 10;
  if (annualMileage > 12_000) return 5;
  return 0;
}

export function riskScore(f: RiskFactors): number {
  let score = RISK_BASE + agePoints(f.age) + experiencePoints(f.yearsLicensed);
  if (f.primary) {
    score += bodyPoints(f.primary.body_type) + vehicleAgePoints(f.asOfYear - f.primary.model_year);
    score += usagePoints(f.primary.usage) + mileagePoints(f.primary.annual_mileage);
  }
  return Math.max(0, Math.min(100, score));
}

export function riskBand(score: number): RiskBand {
  if (score < 25) return "low";
  if (score < 45) return "moderate";
  if (score < 65) return "elevated";
  return "high";
}
