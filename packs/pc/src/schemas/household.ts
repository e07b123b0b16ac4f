import { z } from "zod";
import { UsState, Uuid } from "@sdh/schemas";
import { LobType } from "./common.js";

/**
 * A household (personal lines) or a business account (commercial lines): the address its persons share
 * and the unit a policy is written for. Every person and every vehicle belongs to one.
 */
export const Household = z
  .object({
    household_id: Uuid.describe("Stable identifier of the household or account (UUID)"),
    lob_type: LobType,
    name: z.string().min(1).describe("How the household is addressed (the head's family name: 'Garcia household'), or the business's name for a commercial account"),
    street: z.string().min(1).describe("Street address of the residence or business (number, name, USPS suffix)"),
    address_line2: z.string().min(1).nullable().describe("Apartment or unit (Apt 4B, Unit 12); null for a house"),
    city: z.string().min(1).describe("City: the USPS city of the ZIP code"),
    county: z.string().min(1).describe("County (or parish, borough) of the ZIP code"),
    state: UsState.describe("State of the residence or business (USPS code)"),
    postal_code: z.string().regex(/^\d{5}$/).describe("ZIP code: a real residential ZIP code of the state and city"),
    member_count: z.number().int().min(1).describe("Persons in the household: its licensed members (head, spouse or partner, children of driving age); a commercial account's is its policyholder"),
    vehicle_count: z.number().int().min(0).describe("Vehicles the household's persons own"),
  })
  .describe("A household or business account");

export type Household = z.infer<typeof Household>;
