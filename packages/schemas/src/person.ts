import { z } from "zod";
import { IsoDate, LobType, UsState, Uuid } from "./common.js";

export type Gender = z.infer<typeof Gender>;
export const Gender = z.enum(["F", "M", "X"]);
export type MaritalStatus = z.infer<typeof MaritalStatus>;
export const MaritalStatus = z.enum(["single", "married", "domestic_partner", "divorced", "widowed"]);
export type FleetRole = z.infer<typeof FleetRole>;
export const FleetRole = z.enum(["owner", "fleet_manager", "driver"]);

/** A named insured or driver. Every person holds a driver licence. */
export const Person = z
  .object({
    person_id: Uuid.describe("Stable identifier of the person (UUID)"),
    first_name: z.string().min(1).describe("Given name"),
    middle_name: z.string().min(1).nullable().describe("Middle name; null when the person has none"),
    last_name: z.string().min(1).describe("Family name"),
    date_of_birth: IsoDate.describe("Date of birth (YYYY-MM-DD); the person is at least 16 at the snapshot's asOf date"),
    gender: Gender.describe("Gender as shown on the driver licence: F, M or X"),
    marital_status: MaritalStatus.describe("Marital status, as rated in personal lines"),
    email: z.string().email().describe("Contact email; always on a reserved domain (example.com, example.net, example.org)"),
    phone: z.string().regex(/^\(\d{3}\) 555-01\d{2}$/).describe("Contact phone; always in the fictional 555-0100..0199 range"),
    street: z.string().min(1).describe("Street address of the residence"),
    city: z.string().min(1).describe("City of the residence"),
    state: UsState.describe("State of the residence (USPS code)"),
    postal_code: z.string().regex(/^\d{5}$/).describe("ZIP code of the residence; belongs to the state"),
    license_number: z.string().min(4).max(16).describe("Driver licence number, in the issuing state's format"),
    license_state: UsState.describe("State that issued the driver licence"),
    license_issue_date: IsoDate.describe("Date the licence was first issued; after the 16th birthday, not after asOf"),
    lob_type: LobType,
    business_name: z.string().min(1).nullable().describe("Business the person insures vehicles for; commercial lines only, else null"),
    fleet_role: FleetRole.nullable().describe("Role in the business's fleet; commercial lines only, else null"),
  })
  .describe("A person: named insured or driver");

export type Person = z.infer<typeof Person>;
