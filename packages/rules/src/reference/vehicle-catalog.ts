import type { BodyType, GvwrClass, LobType } from "@sdh/schemas";

/**
 * Make / model / body combinations that exist, the model years they were sold in the US, and the
 * world manufacturer identifiers (VIN positions 1-3) their US-market VINs start with.
 *
 * Sources: manufacturers' model histories; WMIs per NHTSA's manufacturer identifier listings
 * (vPIC); GVWR classes per FHWA vehicle classification by gross vehicle weight rating.
 * `weight` is a relative popularity within its line of business (approximate US registration shares).
 */
export interface CatalogEntry {
  make: string;
  model: string;
  body: BodyType;
  firstYear: number;
  /** null: still sold */
  lastYear: number | null;
  wmi: readonly string[];
  lines: readonly LobType[];
  /** Weight classes the model is sold in (commercial lines record one). */
  gvwr: readonly GvwrClass[];
  weight: number;
}

const P = ["personal"] as const;
const C = ["commercial"] as const;
const PC = ["personal", "commercial"] as const;

export const VEHICLE_CATALOG: readonly CatalogEntry[] = [
  { make: "Toyota", model: "Camry", body: "sedan", firstYear: 1983, lastYear: null, wmi: ["4T1"], lines: P, gvwr: ["1"], weight: 6 },
  { make: "Toyota", model: "Corolla", body: "sedan", firstYear: 1968, lastYear: null, wmi: ["5YF", "2T1"], lines: P, gvwr: ["1"], weight: 5 },
  { make: "Toyota", model: "RAV4", body: "suv", firstYear: 1996, lastYear: null, wmi: ["2T3", "JTM"], lines: P, gvwr: ["1"], weight: 7 },
  { make: "Toyota", model: "Highlander", body: "suv", firstYear: 2001, lastYear: null, wmi: ["5TD"], lines: P, gvwr: ["1"], weight: 3 },
  { make: "Toyota", model: "Sienna", body: "minivan", firstYear: 1998, lastYear: null, wmi: ["5TD"], lines: P, gvwr: ["1"], weight: 2 },
  { make: "Toyota", model: "Tacoma", body: "pickup", firstYear: 1995, lastYear: null, wmi: ["3TM", "5TF"], lines: PC, gvwr: ["1"], weight: 3 },
  { make: "Honda", model: "Civic", body: "sedan", firstYear: 1973, lastYear: null, wmi: ["2HG", "19X"], lines: P, gvwr: ["1"], weight: 5 },
  { make: "Honda", model: "Accord", body: "sedan", firstYear: 1976, lastYear: null, wmi: ["1HG"], lines: P, gvwr: ["1"], weight: 5 },
  { make: "Honda", model: "CR-V", body: "suv", firstYear: 1997, lastYear: null, wmi: ["2HK", "5J6"], lines: P, gvwr: ["1"], weight: 6 },
  { make: "Honda", model: "Odyssey", body: "minivan", firstYear: 1995, lastYear: null, wmi: ["5FN"], lines: P, gvwr: ["1"], weight: 2 },
  { make: "Honda", model: "Pilot", body: "suv", firstYear: 2003, lastYear: null, wmi: ["5FN"], lines: P, gvwr: ["1"], weight: 2 },
  { make: "Ford", model: "F-150", body: "pickup", firstYear: 1975, lastYear: null, wmi: ["1FT"], lines: PC, gvwr: ["2a"], weight: 9 },
  { make: "Ford", model: "Escape", body: "suv", firstYear: 2001, lastYear: null, wmi: ["1FM"], lines: P, gvwr: ["1"], weight: 3 },
  { make: "Ford", model: "Explorer", body: "suv", firstYear: 1991, lastYear: null, wmi: ["1FM"], lines: P, gvwr: ["1"], weight: 3 },
  { make: "Ford", model: "Mustang", body: "coupe", firstYear: 1965, lastYear: null, wmi: ["1FA"], lines: P, gvwr: ["1"], weight: 1.5 },
  { make: "Ford", model: "F-250 Super Duty", body: "pickup", firstYear: 1999, lastYear: null, wmi: ["1FT"], lines: PC, gvwr: ["2b"], weight: 2 },
  { make: "Ford", model: "Transit", body: "cargo_van", firstYear: 2015, lastYear: null, wmi: ["1FT"], lines: C, gvwr: ["2b", "3"], weight: 8 },
  { make: "Chevrolet", model: "Silverado 1500", body: "pickup", firstYear: 1999, lastYear: null, wmi: ["1GC", "3GC"], lines: PC, gvwr: ["2a"], weight: 7 },
  { make: "Chevrolet", model: "Equinox", body: "suv", firstYear: 2005, lastYear: null, wmi: ["2GN", "3GN"], lines: P, gvwr: ["1"], weight: 4 },
  { make: "Chevrolet", model: "Malibu", body: "sedan", firstYear: 1997, lastYear: 2025, wmi: ["1G1"], lines: P, gvwr: ["1"], weight: 2 },
  { make: "Chevrolet", model: "Tahoe", body: "suv", firstYear: 1995, lastYear: null, wmi: ["1GN"], lines: P, gvwr: ["2a"], weight: 2 },
  { make: "Chevrolet", model: "Express 2500", body: "cargo_van", firstYear: 1996, lastYear: null, wmi: ["1GC"], lines: C, gvwr: ["2b"], weight: 4 },
  { make: "Chevrolet", model: "Silverado 3500HD", body: "pickup", firstYear: 2001, lastYear: null, wmi: ["1GC"], lines: C, gvwr: ["3"], weight: 3 },
  { make: "Nissan", model: "Altima", body: "sedan", firstYear: 1993, lastYear: null, wmi: ["1N4"], lines: P, gvwr: ["1"], weight: 3 },
  { make: "Nissan", model: "Rogue", body: "suv", firstYear: 2008, lastYear: null, wmi: ["5N1", "JN8"], lines: P, gvwr: ["1"], weight: 4 },
  { make: "Nissan", model: "Frontier", body: "pickup", firstYear: 1998, lastYear: null, wmi: ["1N6"], lines: PC, gvwr: ["1"], weight: 1 },
  { make: "Ram", model: "1500", body: "pickup", firstYear: 2011, lastYear: null, wmi: ["1C6"], lines: PC, gvwr: ["2a"], weight: 5 },
  { make: "Ram", model: "3500", body: "pickup", firstYear: 2011, lastYear: null, wmi: ["3C6"], lines: C, gvwr: ["3"], weight: 2 },
  { make: "Ram", model: "ProMaster 2500", body: "cargo_van", firstYear: 2014, lastYear: null, wmi: ["3C6"], lines: C, gvwr: ["2b"], weight: 4 },
  { make: "Jeep", model: "Wrangler", body: "suv", firstYear: 1987, lastYear: null, wmi: ["1C4"], lines: P, gvwr: ["1"], weight: 2.5 },
  { make: "Jeep", model: "Grand Cherokee", body: "suv", firstYear: 1993, lastYear: null, wmi: ["1C4"], lines: P, gvwr: ["1"], weight: 3 },
  { make: "Subaru", model: "Outback", body: "wagon", firstYear: 1995, lastYear: null, wmi: ["4S4"], lines: P, gvwr: ["1"], weight: 2.5 },
  { make: "Subaru", model: "Forester", body: "suv", firstYear: 1998, lastYear: null, wmi: ["JF2"], lines: P, gvwr: ["1"], weight: 2 },
  { make: "Hyundai", model: "Elantra", body: "sedan", firstYear: 1991, lastYear: null, wmi: ["5NP", "KMH"], lines: P, gvwr: ["1"], weight: 2.5 },
  { make: "Hyundai", model: "Tucson", body: "suv", firstYear: 2005, lastYear: null, wmi: ["5NM", "KM8"], lines: P, gvwr: ["1"], weight: 2.5 },
  { make: "Volkswagen", model: "Golf", body: "hatchback", firstYear: 1985, lastYear: 2021, wmi: ["3VW", "WVW"], lines: P, gvwr: ["1"], weight: 1 },
  { make: "Tesla", model: "Model 3", body: "sedan", firstYear: 2017, lastYear: null, wmi: ["5YJ"], lines: P, gvwr: ["1"], weight: 2 },
  { make: "Tesla", model: "Model Y", body: "suv", firstYear: 2020, lastYear: null, wmi: ["7SA", "5YJ"], lines: P, gvwr: ["1"], weight: 2.5 },
  { make: "Mercedes-Benz", model: "Sprinter 2500", body: "cargo_van", firstYear: 2010, lastYear: null, wmi: ["W1Y", "WD3"], lines: C, gvwr: ["2b"], weight: 4 },
  { make: "Ford", model: "Transit Connect", body: "cargo_van", firstYear: 2010, lastYear: 2023, wmi: ["NM0"], lines: C, gvwr: ["1"], weight: 2 },
  { make: "Chevrolet", model: "Express 3500", body: "passenger_van", firstYear: 1996, lastYear: null, wmi: ["1GA"], lines: C, gvwr: ["2b"], weight: 1.5 },
  { make: "Isuzu", model: "NPR", body: "box_truck", firstYear: 1985, lastYear: null, wmi: ["JAL", "54D"], lines: C, gvwr: ["4", "5"], weight: 3 },
  { make: "Freightliner", model: "M2 106", body: "box_truck", firstYear: 2003, lastYear: null, wmi: ["1FV", "3AL"], lines: C, gvwr: ["6", "7"], weight: 2 },
  { make: "International", model: "MV", body: "box_truck", firstYear: 2018, lastYear: null, wmi: ["3HA"], lines: C, gvwr: ["6", "7"], weight: 1.5 },
  { make: "Peterbilt", model: "579", body: "tractor", firstYear: 2012, lastYear: null, wmi: ["1XP"], lines: C, gvwr: ["8"], weight: 1.5 },
  { make: "Kenworth", model: "T680", body: "tractor", firstYear: 2013, lastYear: null, wmi: ["1XK"], lines: C, gvwr: ["8"], weight: 1.5 },
];
