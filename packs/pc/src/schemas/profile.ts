import { z } from "zod";
import { Uuid } from "@sdh/schemas";
import { LobType } from "./common.js";
import { HouseholdRole } from "./person.js";

export type RiskBand = z.infer<typeof RiskBand>;
export const RiskBand = z.enum(["low", "moderate", "elevated", "high"]);

/** Derived from a person, their vehicles and their book (policies and claims): one per person, for narration and quick filtering. */
export const Profile = z
  .object({
    profile_id: Uuid.describe("Stable identifier of the profile (UUID)"),
    person_id: Uuid.describe("The person this profile describes"),
    full_name: z.string().min(1).describe("First, middle and last name"),
    household_role: HouseholdRole.describe("The person's place in their household, as on the person"),
    age: z.number().int().min(16).max(120).describe("Age in whole years at the snapshot's asOf date"),
    vehicle_count: z.number().int().min(0).describe("Number of vehicles the person owns in this snapshot"),
    vehicle_summary: z.string().min(1).nullable().describe("Each vehicle as 'year make model', separated by '; '; null when none (an empty string would read as null from CSV)"),
    primary_vehicle_id: Uuid.nullable().describe("The vehicle driven most (highest annual mileage); null when none"),
    risk_score: z.number().int().min(0).max(100).describe("Rule-based risk score, 0 (lowest) to 100"),
    risk_band: RiskBand.describe("Band of the risk score: low < 25 ≤ moderate < 45 ≤ elevated < 65 ≤ high"),
    lob_type: LobType,
    policy_count: z.number().int().min(0).describe("Number of policies the person is on as a driver (listed or excluded), the named insured's own included"),
    claims_count: z.number().int().min(0).describe("Number of claims in which the person was the driver (comprehensive losses have none)"),
  })
  .describe("A profile derived from a person, their vehicles and the policies and claims they are on");

export type Profile = z.infer<typeof Profile>;
