import type { Gender, MaritalStatus, Ownership, VehicleUsage } from "../../schemas/index.js";
import { shareAt, weighted, type WeightedTable } from "@sdh/rules";

/**
 * Shares used to draw person and vehicle attributes. Sources: licensed drivers by age — FHWA Highway
 * Statistics table DL-20 (rounded); marital status by age — US Census ACS S1201 (rounded); vehicle
 * age — S&P Global Mobility (average US light-vehicle age ≈ 12.6 years); usage, ownership and fleet
 * roles — our own assumptions for realistic QA data, stated here so they can be challenged.
 */

/**
 * [min age, max age] bands of personal households' heads and their share: licensed drivers by age, but
 * from 18 (a teenager is never a named insured; drivers of 16 and 17 are children at home), and the
 * youngest bands at 1.5% and 5% rather than FHWA's 4% for ages 16-19 and 8% for 20-24: many of them
 * live with a parent and are licensed members of the parent's household (a rule; with those children
 * the book's licensed persons come out near DL-20's shares, as REALISM.md measures).
 */
export const DRIVER_AGE_BANDS = weighted<readonly [number, number]>([
  [[18, 19], 0.015],
  [[20, 24], 0.05],
  [[25, 34], 0.2],
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
  return table.items.map(([min, max], i) => ({ min, max, share: shareAt(table, i) }));
}

type Marital = MaritalStatus;
export function maritalTableFor(age: number) {
  if (age < 18) return MARITAL_MINOR;
  if (age < 25) return MARITAL_UNDER_25;
  if (age < 35) return MARITAL_25_34;
  if (age < 65) return MARITAL_35_64;
  return MARITAL_65_PLUS;
}
// Nobody under 18 is married here: most states require parental or court consent, and insurers rate minors as single.
const MARITAL_MINOR = weighted<Marital>([["single", 1]]);
const MARITAL_UNDER_25 = weighted<Marital>([["single", 0.88], ["married", 0.08], ["domestic_partner", 0.03], ["divorced", 0.01]]);
const MARITAL_25_34 = weighted<Marital>([["single", 0.47], ["married", 0.41], ["domestic_partner", 0.06], ["divorced", 0.06]]);
const MARITAL_35_64 = weighted<Marital>([["single", 0.16], ["married", 0.6], ["domestic_partner", 0.04], ["divorced", 0.16], ["widowed", 0.04]]);
const MARITAL_65_PLUS = weighted<Marital>([["single", 0.07], ["married", 0.55], ["domestic_partner", 0.02], ["divorced", 0.13], ["widowed", 0.23]]);

export const GENDERS = weighted<Gender>([["F", 0.505], ["M", 0.49], ["X", 0.005]]);


/**
 * US light-vehicle sales by calendar year, millions (BEA "Light Weight Vehicle Sales: Autos and Light
 * Trucks", annual totals, rounded; public domain). A model year's share of today's fleet is its sales
 * times the share still on the road.
 */
export const US_SALES_MILLIONS: Readonly<Record<number, number>> = {
  1981: 10.8, 1982: 10.5, 1983: 12.3, 1984: 14.5, 1985: 15.7, 1986: 16.3, 1987: 15.1, 1988: 15.5, 1989: 14.5, 1990: 13.9,
  1991: 12.3, 1992: 12.9, 1993: 13.9, 1994: 15.1, 1995: 14.7, 1996: 15.1, 1997: 15.1, 1998: 15.5, 1999: 16.9, 2000: 17.4,
  2001: 17.1, 2002: 16.8, 2003: 16.6, 2004: 16.9, 2005: 16.9, 2006: 16.5, 2007: 16.1, 2008: 13.2, 2009: 10.4, 2010: 11.6,
  2011: 12.7, 2012: 14.4, 2013: 15.5, 2014: 16.4, 2015: 17.4, 2016: 17.5, 2017: 17.1, 2018: 17.2, 2019: 17.0, 2020: 14.5,
  2021: 14.9, 2022: 13.7, 2023: 15.5, 2024: 15.9, 2025: 16.2,
};

/**
 * Share of a model year still on the road at age `a`: a logistic scrappage curve (a rule, in the form
 * of NHTSA's vehicle survival schedules, DOT HS 809 952) with its midpoint set so that the fleet's mean
 * age is about 12.5 years — S&P Global Mobility's US average for 2024-2025.
 */
export const SURVIVAL_MIDPOINT_YEARS = 22;
export const SURVIVAL_SPREAD_YEARS = 5.5;
export function survival(age: number): number {
  return 1 / (1 + Math.exp((age - SURVIVAL_MIDPOINT_YEARS) / SURVIVAL_SPREAD_YEARS));
}

/** Next year's models go on sale in the second half of the year: share of their full weight by asOf month. */
export function nextModelYearOnSale(month: number): number {
  return Math.max(0, (month - 6) / 12);
}

/** Fleet ages 0..MAX_VEHICLE_AGE; older vehicles are left out (classics are insured elsewhere). */
export const MAX_VEHICLE_AGE = 40;

type Usage = VehicleUsage;
/** Personal use by driver age: retirees commute less (a rule after FHWA NHTS trip purposes by age). */
export function personalUsageFor(age: number): WeightedTable<Usage> {
  if (age >= 75) return USAGE_75_PLUS;
  if (age >= 65) return USAGE_65_74;
  return USAGE_UNDER_65;
}
const USAGE_UNDER_65 = weighted<Usage>([["commute", 0.55], ["pleasure", 0.35], ["business", 0.1]]);
const USAGE_65_74 = weighted<Usage>([["commute", 0.25], ["pleasure", 0.68], ["business", 0.07]]);
const USAGE_75_PLUS = weighted<Usage>([["commute", 0.08], ["pleasure", 0.9], ["business", 0.02]]);
export const COMMERCIAL_USAGE = weighted<Usage>([["commercial", 0.85], ["business", 0.15]]);

type OwnershipType = Ownership;
/** Financing falls with vehicle age (a rule after Experian's State of the Automotive Finance Market shares). */
export function ownershipFor(vehicleAge: number): WeightedTable<OwnershipType> {
  if (vehicleAge <= 2) return OWNERSHIP_0_2;
  if (vehicleAge <= 5) return OWNERSHIP_3_5;
  if (vehicleAge <= 9) return OWNERSHIP_6_9;
  if (vehicleAge <= 14) return OWNERSHIP_10_14;
  return OWNERSHIP_15_PLUS;
}
const OWNERSHIP_0_2 = weighted<OwnershipType>([["financed", 0.5], ["leased", 0.27], ["owned", 0.23]]);
const OWNERSHIP_3_5 = weighted<OwnershipType>([["financed", 0.52], ["leased", 0.06], ["owned", 0.42]]);
const OWNERSHIP_6_9 = weighted<OwnershipType>([["financed", 0.3], ["owned", 0.7]]);
const OWNERSHIP_10_14 = weighted<OwnershipType>([["financed", 0.1], ["owned", 0.9]]);
const OWNERSHIP_15_PLUS = weighted<OwnershipType>([["financed", 0.03], ["owned", 0.97]]);

/** The average US driver's annual miles, all ages (FHWA, "Average Annual Miles per Driver by Age Group": 13,476). */
export const AVERAGE_DRIVER_MILES = 13_476;

/** Average annual miles per driver by age (FHWA, "Average Annual Miles per Driver by Age Group"). */
export function milesForDriverAge(age: number): number {
  if (age < 20) return 7_624;
  if (age < 35) return 15_098;
  if (age < 55) return 15_291;
  if (age < 65) return 11_972;
  return 7_646;
}
/** How use scales the driver's miles (a rule). */
export const USAGE_MILEAGE_FACTOR: Record<Usage, number> = { pleasure: 0.65, commute: 1, business: 1.3, commercial: 1.6 };
export const MILEAGE_BY_GVWR: Partial<Record<string, readonly [number, number]>> = {
  "6": [35_000, 10_000],
  "7": [40_000, 12_000],
  "8": [95_000, 20_000],
};
