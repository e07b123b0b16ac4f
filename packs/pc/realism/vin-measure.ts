import type { RealismMeasure } from "@sdh/validation";
import type { HouseholdBundle } from "../src/generator/generator.js";
import type { IndependentDecode } from "./vpic-decoder.js";

/** vPIC's types of a complete vehicle a household drives; an incomplete vehicle or a bus is a commercial body. */
const HOUSEHOLD_TYPES = new Set(["Passenger Car", "Multipurpose Passenger Vehicle (MPV)", "Truck"]);

const squash = (s: string | null) => (s ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");

/** Why a personal vehicle's VIN is not read as the record says, or null when it is. */
export function vinMismatch(vehicle: { make: string; model: string; model_year: number }, decoded: IndependentDecode): string | null {
  if (decoded.problem) return decoded.problem;
  if (decoded.year !== vehicle.model_year) return `model year ${decoded.year}`;
  if (squash(decoded.model) !== squash(vehicle.model)) return `model ${decoded.model}`;
  if (squash(decoded.make) !== squash(vehicle.make)) return `make ${decoded.make}`;
  if (!HOUSEHOLD_TYPES.has(decoded.vehicleType ?? "")) return `a WMI of type ${decoded.vehicleType}`;
  return null;
}

/**
 * The 0.2 audit's VIN item as a realism measure: the share of personal vehicles whose VIN the second
 * decoder (./vpic-decoder.ts, not the one the build used) reads as the record's make, model and model
 * year, on a WMI vPIC types as a complete household vehicle. It needs vPIC's database, a development
 * dependency, so it is measured by the report's command and the realism tests, not by src/realism.
 */
export function vinDecodeMeasure(book: readonly HouseholdBundle[], decode: (vin: string) => IndependentDecode): RealismMeasure {
  const personal = book.flatMap((b) => b.vehicles).filter((v) => v.lob_type === "personal");
  const read = personal.filter((v) => vinMismatch(v, decode(v.vin)) === null).length;
  return {
    id: "vin-decodes",
    what: "Personal vehicles whose VIN a second vPIC decoder (not the one the catalogue was built with) reads as the record's make, model and model year, on a WMI of a complete vehicle, %",
    figure: "the audit's goal: at least 99% (its decoder read 90% of 0.2's)",
    source: "NHTSA vPIC tables (Wmi, VinSchema, Pattern); 49 CFR 565.15",
    band: [99, 100],
    value: Math.round((1000 * read) / Math.max(personal.length, 1)) / 10,
  };
}
