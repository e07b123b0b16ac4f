import type { FleetRole, Gender, MaritalStatus, Ownership, VehicleUsage } from "@sdh/schemas";
import { weighted, type WeightedTable } from "../sampling.js";

/**
 * Shares used to draw person and vehicle attributes. Sources: licensed drivers by age — FHWA Highway
 * Statistics table DL-20 (rounded); marital status by age — US Census ACS S1201 (rounded); vehicle
 * age — S&P Global Mobility (average US light-vehicle age ≈ 12.6 years); usage, ownership and fleet
 * roles — our own assumptions for realistic QA data, stated here so they can be challenged.
 */

/** [min age, max age] bands of licensed drivers and their share. */
export const DRIVER_AGE_BANDS = weighted<readonly [number, number]>([
  [[16, 19], 0.04],
  [[20, 24], 0.08],
  [[25, 34], 0.17],
  [[35, 44], 0.17],
  [[45, 54], 0.16],
  [[55, 64], 0.17],
  [[65, 74], 0.13],
  [[75, 90], 0.08],
]);

/** Commercial-lines persons run or drive for a business: working ages. */
export const COMMERCIAL_AGE_BANDS = weighted<readonly [number, number]>([
  [[21, 29], 0.15],
  [[30, 44], 0.35],
  [[45, 59], 0.35],
  [[60, 72], 0.15],
]);

/** The age bands each line of business is drawn from, with their shares: the quality report checks ages against these. */
export const AGE_BAND_SHARES = {
  personal: sharesOf(DRIVER_AGE_BANDS),
  commercial: sharesOf(COMMERCIAL_AGE_BANDS),
};

function sharesOf(table: WeightedTable<readonly [number, number]>) {
  return table.items.map(([min, max], i) => ({ min, max, share: table.cumulative[i]! - (i === 0 ? 0 : table.cumulative[i - 1]!) }));
}

type Marital = MaritalStatus;
export function maritalTableFor(age: number) {
  if (age < 25) return MARITAL_UNDER_25;
  if (age < 35) return MARITAL_25_34;
  if (age < 65) return MARITAL_35_64;
  return MARITAL_65_PLUS;
}
const MARITAL_UNDER_25 = weighted<Marital>([["single", 0.88], ["married", 0.08], ["domestic_partner", 0.03], ["divorced", 0.01]]);
const MARITAL_25_34 = weighted<Marital>([["single", 0.47], ["married", 0.41], ["domestic_partner", 0.06], ["divorced", 0.06]]);
const MARITAL_35_64 = weighted<Marital>([["single", 0.16], ["married", 0.6], ["domestic_partner", 0.04], ["divorced", 0.16], ["widowed", 0.04]]);
const MARITAL_65_PLUS = weighted<Marital>([["single", 0.07], ["married", 0.55], ["domestic_partner", 0.02], ["divorced", 0.13], ["widowed", 0.23]]);

export const GENDERS = weighted<Gender>([["F", 0.505], ["M", 0.49], ["X", 0.005]]);

export const FLEET_ROLES = weighted<FleetRole>([["owner", 0.4], ["fleet_manager", 0.25], ["driver", 0.35]]);

/** Years from the 16th birthday to the first licence. */
export const LICENSING_DELAY_YEARS = weighted<number>([[0, 0.45], [1, 0.22], [2, 0.12], [3, 0.07], [4, 0.05], [5, 0.04], [7, 0.03], [10, 0.02]]);

/** Vehicle age in years at asOf (-1: next year's model, already on sale). */
export const VEHICLE_AGE_YEARS = weighted<number>(
  [[-1, 0.02], ...Array.from({ length: 26 }, (_, age) => [age, age <= 3 ? 0.06 : age <= 12 ? 0.05 : age <= 18 ? 0.03 : 0.01] as const)],
);

type Usage = VehicleUsage;
export const PERSONAL_USAGE = weighted<Usage>([["commute", 0.55], ["pleasure", 0.35], ["business", 0.1]]);
export const COMMERCIAL_USAGE = weighted<Usage>([["commercial", 0.85], ["business", 0.15]]);

type OwnershipType = Ownership;
export const OWNERSHIP_NEW = weighted<OwnershipType>([["financed", 0.45], ["leased", 0.25], ["owned", 0.3]]);
export const OWNERSHIP_OLD = weighted<OwnershipType>([["owned", 0.7], ["financed", 0.3]]);

/** [mean, spread] of annual miles by usage; heavy trucks by weight class below. */
export const MILEAGE_BY_USAGE: Record<Usage, readonly [number, number]> = {
  pleasure: [6_000, 3_000],
  commute: [12_500, 4_000],
  business: [16_000, 5_000],
  commercial: [24_000, 8_000],
};
export const MILEAGE_BY_GVWR: Partial<Record<string, readonly [number, number]>> = {
  "6": [35_000, 10_000],
  "7": [40_000, 12_000],
  "8": [95_000, 20_000],
};
