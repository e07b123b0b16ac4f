import type { BodyType, FuelType, GvwrClass } from "../../schemas/index.js";

/**
 * One-letter fuel codes of the shipped catalogue (data/vehicles.json) and how vPIC's decoded
 * "Fuel Type - Primary" and "Electrification Level" map to them.
 */
export const FUEL_BY_CODE: Readonly<Record<string, FuelType>> = {
  G: "gasoline", D: "diesel", E: "electric", H: "hybrid", P: "plug_in_hybrid", F: "flex_fuel", N: "natural_gas",
};

export function fuelCode(fuel: string | null, electrification: string | null, secondary: string | null = null): string | null {
  if (electrification?.startsWith("BEV") || electrification?.startsWith("FCEV")) return "E";
  if (electrification?.startsWith("PHEV")) return "P";
  if (electrification && /HEV/.test(electrification)) return "H";
  if (!fuel) return null;
  // vPIC marks many hybrids only by an electric secondary fuel (a Prius: Gasoline + Electric).
  if (fuel === "Gasoline" && secondary === "Electric") return "H";
  if (fuel === "Gasoline") return "G";
  if (fuel === "Diesel") return "D";
  if (fuel === "Electric") return "E";
  if (/Flexible Fuel|Ethanol \(E85\)/.test(fuel)) return "F";
  if (/Natural Gas|CNG|LNG|Propane|LPG/.test(fuel)) return "N";
  return null;
}

/**
 * vPIC's GVWR ("Class 2E: 6,001 - 7,000 lb ...") as an FHWA class. FHWA splits class 2 at 8,500 lb;
 * vPIC's 2G spans 8,001-9,000 lb and is counted as 2b, with 2H.
 */
export function gvwrClassOf(gvwr: string | null): GvwrClass | null {
  const match = /^Class (\d)([A-H])?:/.exec(gvwr ?? "");
  if (!match) return null;
  const [, digit, letter] = match;
  if (digit === "1") return "1";
  if (digit === "2") return letter === "G" || letter === "H" ? "2b" : "2a";
  return digit as GvwrClass;
}

/** The class a commercial vehicle is recorded in when vPIC's patterns for its VIN do not say: the body's usual class (FHWA vehicle classification examples). */
export const USUAL_GVWR_BY_BODY: Readonly<Record<BodyType, GvwrClass>> = {
  sedan: "1", coupe: "1", hatchback: "1", wagon: "1", suv: "2a", minivan: "1", pickup: "2a",
  cargo_van: "2b", passenger_van: "2b", box_truck: "6", tractor: "8",
};
