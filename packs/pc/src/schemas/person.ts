import { z } from "zod";
import { IsoDate, UsState, Uuid } from "@sdh/schemas";
import { LobType } from "./common.js";

export type Gender = z.infer<typeof Gender>;
export const Gender = z.enum(["F", "M", "X"]);
export type MaritalStatus = z.infer<typeof MaritalStatus>;
export const MaritalStatus = z.enum(["single", "married", "domestic_partner", "divorced", "widowed"]);
export type CdlClass = z.infer<typeof CdlClass>;
/** Commercial driver licence classes (49 CFR 383.91): A combinations over 26,000 lb, B single vehicles over 26,000 lb, C passenger or hazmat. */
export const CdlClass = z.enum(["A", "B", "C"]);
export type FleetRole = z.infer<typeof FleetRole>;
export const FleetRole = z.enum(["owner", "fleet_manager", "driver"]);
export type HouseholdRole = z.infer<typeof HouseholdRole>;
/** A person's place in their household: its head (the policyholder), the head's spouse or partner, or a child of driving age living at home. */
export const HouseholdRole = z.enum(["head", "spouse", "child"]);

/** A named insured or driver. Every person holds a driver licence. */
export const Person = z
  .object({
    person_id: Uuid.describe("Stable identifier of the person (UUID)"),
    household_id: Uuid.describe("The household (or commercial account) the person belongs to"),
    household_role: HouseholdRole.describe("head (the household's policyholder), spouse (spouse or partner) or child (of driving age, living at home); a commercial account's person is its head"),
    first_name: z.string().min(1).describe("Given name"),
    middle_name: z.string().min(1).nullable().describe("Middle name; null when the person has none"),
    last_name: z.string().min(1).describe("Family name, as written: may hold an apostrophe, a hyphen or accented letters (O'Brien, García, Smith-Jones)"),
    name_suffix: z.enum(["Jr.", "Sr.", "II", "III", "IV"]).nullable().describe("Generational suffix (Jr., Sr., II, III, IV); null for most persons"),
    date_of_birth: IsoDate.describe("Date of birth (YYYY-MM-DD); the person is at least 16 at the snapshot's asOf date"),
    gender: Gender.describe("Gender as shown on the driver licence: F, M or X"),
    marital_status: MaritalStatus.describe("Marital status, as rated in personal lines"),
    email: z.string().email().describe("Contact email; unique in the snapshot, always on a reserved domain (example.com, example.net, example.org)"),
    phone: z.string().regex(/^\(\d{3}\) 555-01\d{2}$/).describe("Contact phone: an area code that serves the residence's ZIP code, always in the fictional 555-0100..0199 range"),
    street: z.string().min(1).describe("Street address of the residence (number, name, USPS suffix): the household's"),
    address_line2: z.string().min(1).nullable().describe("Apartment or unit (Apt 4B, Unit 12); null for a house"),
    city: z.string().min(1).describe("City of the residence: the USPS city of its ZIP code"),
    county: z.string().min(1).describe("County (or parish, borough) of the residence's ZIP code"),
    state: UsState.describe("State of the residence (USPS code)"),
    postal_code: z.string().regex(/^\d{5}$/).describe("ZIP code of the residence: a real residential ZIP code of the state and city"),
    license_number: z.string().min(4).max(16).describe("Driver licence number, in the issuing state's format; derived from surname (Soundex), first name and birth date where the state does so (FL, IL, WI, MD, MI, MN)"),
    license_state: UsState.describe("State that issued the driver licence"),
    license_issue_date: IsoDate.describe("Date the licence was first issued; after the 16th birthday, not after asOf"),
    lob_type: LobType,
    business_name: z.string().min(1).nullable().describe("Business the person insures vehicles for; commercial lines only, else null"),
    fleet_role: FleetRole.nullable().describe("Role in the business's fleet; commercial lines only, else null"),
    naics_code: z.string().regex(/^\d{6}$/).nullable().describe("The business's industry (NAICS 2022 six-digit code); commercial lines only, else null"),
    usdot_number: z.string().regex(/^[1-9]\d{0,8}$/).nullable().describe("The business's USDOT number, for carriers that need one (interstate or heavy vehicles); else null"),
    cdl_class: CdlClass.nullable().describe("Commercial driver licence class, for persons who drive vehicles that need one; else null"),
  })
  .describe("A person: named insured or driver");

export type Person = z.infer<typeof Person>;
