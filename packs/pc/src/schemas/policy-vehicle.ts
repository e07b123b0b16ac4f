import { z } from "zod";
import { Money, Uuid } from "@sdh/schemas";

/** A vehicle scheduled on a policy, as on its declarations page. */
export const PolicyVehicle = z
  .object({
    policy_vehicle_id: Uuid.describe("Stable identifier of the vehicle's place on the policy (UUID)"),
    policy_id: Uuid.describe("The policy"),
    vehicle_id: Uuid.describe("The vehicle: one of the policy household's vehicles, on no other policy"),
    vehicle_number: z.number().int().min(1).describe("The vehicle's number on the policy's declarations: 1, 2, …"),
    principal_driver_id: Uuid.nullable().describe("The listed driver who drives it most (its owner when listed, else the named insured); null on commercial policies, rated by vehicle class rather than driver"),
    premium: Money.min(0).describe("The vehicle's premium for the term in US dollars, rounded to cents: its own coverages' premiums plus its share of the policy's line coverages (the rating algorithm in the rules README)"),
  })
  .describe("A vehicle on a policy");

export type PolicyVehicle = z.infer<typeof PolicyVehicle>;
