import { z } from "zod";
import { LobType, UsState, Uuid } from "./common.js";

export type BodyType = z.infer<typeof BodyType>;
export const BodyType = z.enum([
  "sedan", "coupe", "hatchback", "wagon", "suv", "minivan", "pickup", "cargo_van", "passenger_van", "box_truck", "tractor",
]);
export type VehicleUsage = z.infer<typeof VehicleUsage>;
export const VehicleUsage = z.enum(["pleasure", "commute", "business", "commercial"]);
export type Ownership = z.infer<typeof Ownership>;
export const Ownership = z.enum(["owned", "financed", "leased"]);
/** FHWA gross vehicle weight rating classes; 2 is split into 2a (≤ 8,500 lb) and 2b (≤ 10,000 lb). */
export type GvwrClass = z.infer<typeof GvwrClass>;
export const GvwrClass = z.enum(["1", "2a", "2b", "3", "4", "5", "6", "7", "8"]);

/** VIN: 17 characters, digits and capital letters except I, O and Q. */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export const Vehicle = z
  .object({
    vehicle_id: Uuid.describe("Stable identifier of the vehicle (UUID)"),
    person_id: Uuid.describe("Owner: the person_id of a person in the same snapshot"),
    vin: z.string().regex(VIN_PATTERN).describe("Vehicle identification number with a valid check digit (position 9) and model-year code (position 10)"),
    make: z.string().min(1).describe("Manufacturer brand, e.g. Toyota"),
    model: z.string().min(1).describe("Model, e.g. Camry"),
    model_year: z.number().int().min(1981).describe("Model year; not after the asOf year + 1"),
    body_type: BodyType.describe("Body style"),
    usage: VehicleUsage.describe("Rated use: pleasure, commute, business or commercial"),
    gvwr_class: GvwrClass.nullable().describe("Gross vehicle weight rating class; commercial lines only, else null"),
    plate: z.string().min(2).max(8).describe("Licence plate, in the registration state's format"),
    registration_state: UsState.describe("State where the vehicle is registered"),
    annual_mileage: z.number().int().min(0).max(200_000).describe("Estimated miles driven per year"),
    garaging_postal_code: z.string().regex(/^\d{5}$/).describe("ZIP code where the vehicle is kept overnight"),
    ownership: Ownership.describe("Owned outright, financed or leased"),
    lob_type: LobType,
  })
  .describe("A vehicle owned by a person");

export type Vehicle = z.infer<typeof Vehicle>;
