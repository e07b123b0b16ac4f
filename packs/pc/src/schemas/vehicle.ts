import { z } from "zod";
import { UsState, Uuid } from "@sdh/schemas";
import { LobType } from "./common.js";

export type BodyType = z.infer<typeof BodyType>;
export const BodyType = z.enum([
  "sedan", "coupe", "hatchback", "wagon", "suv", "minivan", "pickup", "cargo_van", "passenger_van", "box_truck", "tractor",
]);
export type VehicleUsage = z.infer<typeof VehicleUsage>;
export const VehicleUsage = z.enum(["pleasure", "commute", "business", "commercial"]);
export type Ownership = z.infer<typeof Ownership>;
export const Ownership = z.enum(["owned", "financed", "leased"]);
export type PlateType = z.infer<typeof PlateType>;
/** Passenger plates, commercial plates, or apportioned plates (IRP) for interstate heavy vehicles. */
export const PlateType = z.enum(["passenger", "commercial", "apportioned"]);
/** FHWA gross vehicle weight rating classes; 2 is split into 2a (≤ 8,500 lb) and 2b (≤ 10,000 lb). */
/** Primary fuel as vPIC decodes it; hybrids and plug-in hybrids by their electrification level. */
export type FuelType = z.infer<typeof FuelType>;
export const FuelType = z.enum(["gasoline", "diesel", "electric", "hybrid", "plug_in_hybrid", "flex_fuel", "natural_gas"]);
export type GvwrClass = z.infer<typeof GvwrClass>;
export const GvwrClass = z.enum(["1", "2a", "2b", "3", "4", "5", "6", "7", "8"]);

/** VIN: 17 characters, digits and capital letters except I, O and Q. */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export const Vehicle = z
  .object({
    vehicle_id: Uuid.describe("Stable identifier of the vehicle (UUID)"),
    household_id: Uuid.describe("The household (or commercial account) that keeps the vehicle: its owner's"),
    person_id: Uuid.describe("Owner: the person_id of a person of the household"),
    vin: z.string().regex(VIN_PATTERN).describe("Vehicle identification number built from NHTSA vPIC's patterns for its make, model and year: decodes to them, with a valid check digit (position 9) and model-year code (position 10)"),
    make: z.string().min(1).describe("Manufacturer brand as vPIC names it, e.g. Toyota"),
    model: z.string().min(1).describe("Model as vPIC names it, e.g. Camry"),
    model_year: z.number().int().min(1981).describe("Model year; next year's models only once they are on sale"),
    trim: z.string().min(1).nullable().describe("Trim as vPIC decodes it from the VIN; null when vPIC does not say"),
    fuel_type: FuelType.nullable().describe("Primary fuel as vPIC decodes it (hybrids by electrification level); null when vPIC does not say"),
    body_type: BodyType.describe("Body style"),
    usage: VehicleUsage.describe("Rated use: pleasure, commute, business or commercial"),
    gvwr_class: GvwrClass.nullable().describe("Gross vehicle weight rating class; commercial lines only, else null"),
    plate: z.string().min(2).max(8).describe("Licence plate, in the registration state's format (apportioned plates: AP and six digits)"),
    plate_type: PlateType.describe("Passenger, commercial, or apportioned (interstate heavy trucks)"),
    registration_state: UsState.describe("State where the vehicle is registered"),
    annual_mileage: z.number().int().min(0).max(200_000).describe("Estimated miles driven per year"),
    garaging_postal_code: z.string().regex(/^\d{5}$/).describe("ZIP code where the vehicle is kept overnight: usually the owner's, sometimes a school, second home or business yard"),
    ownership: Ownership.describe("Owned outright, financed or leased"),
    lob_type: LobType,
  })
  .describe("A vehicle owned by a person");

export type Vehicle = z.infer<typeof Vehicle>;
