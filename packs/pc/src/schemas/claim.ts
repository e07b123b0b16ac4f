import { z } from "zod";
import { IsoDate, Uuid } from "@sdh/schemas";

export type ClaimCoverage = z.infer<typeof ClaimCoverage>;
/** The coverages a claim is made under: liability (BI, PD, or a commercial policy's CSL) and physical damage (COLL, COMP). */
export const ClaimCoverage = z.enum(["BI", "PD", "CSL", "COLL", "COMP"]);

export type LossType = z.infer<typeof LossType>;
/** What was lost: injury to another person, damage to another's property, the insured vehicle's own damage in a collision, or other than collision. */
export const LossType = z.enum(["bodily_injury", "property_damage", "collision", "comprehensive"]);

export type LossCause = z.infer<typeof LossCause>;
/**
 * How it happened. Crashes (collision and liability claims) by NHTSA's type of collision; other than
 * collision (comprehensive) by peril.
 */
export const LossCause = z.enum([
  "rear_end",
  "angle",
  "sideswipe",
  "head_on",
  "fixed_object",
  "parked_vehicle",
  "pedestrian_or_cyclist",
  "glass",
  "theft",
  "animal",
  "weather",
  "vandalism",
  "fire",
]);

export type ClaimStatus = z.infer<typeof ClaimStatus>;
/** open (a reserve is held), closed (paid), closed_without_payment (below the deductible, or denied). */
export const ClaimStatus = z.enum(["open", "closed", "closed_without_payment"]);

/** US dollars rounded to cents, as the premiums are. */
const Dollars = z.number().min(0);

/** One claim under one coverage of a policy: a loss during the current term, its handling and its money. */
export const Claim = z
  .object({
    claim_id: Uuid.describe("Stable identifier of the claim (UUID)"),
    claim_number: z.string().regex(/^CLM-\d{2}-\d{9}-\d{2}$/).describe("The carrier's claim number: CLM-<year of loss, two digits>-<the policy number's nine digits>-<the claim's number on the policy>, such as CLM-25-674076480-01"),
    policy_id: Uuid.describe("The policy in force on the loss date"),
    coverage_id: Uuid.describe("The coverage the claim is made under: one of the policy's line coverages (BI, PD, CSL) or the vehicle's own (COLL, COMP)"),
    vehicle_id: Uuid.describe("The insured vehicle involved: on the policy"),
    driver_id: Uuid.nullable().describe("The driver on the policy who was driving; null for a comprehensive loss (a parked or unattended vehicle)"),
    coverage_code: ClaimCoverage.describe("The coverage's code, as on the coverage: BI, PD, CSL, COLL or COMP"),
    loss_type: LossType.describe("bodily_injury or property_damage (liability: paid to others), collision or comprehensive (the insured vehicle's own damage)"),
    loss_cause: LossCause.describe("How it happened: a crash by NHTSA's type of collision (rear_end, angle, sideswipe, head_on, fixed_object, parked_vehicle, pedestrian_or_cyclist), or a comprehensive peril (glass, theft, animal, weather, vandalism, fire)"),
    at_fault: z.boolean().nullable().describe("Whether the insured driver was at fault: always true for a liability claim, true or false for a collision, null for a comprehensive loss"),
    loss_date: IsoDate.describe("Day of the loss: inside the policy's current term (on or after its effective date, before its cancellation or expiration) and not after asOf"),
    reported_date: IsoDate.describe("Day the claim was reported: on or after the loss date, not after asOf"),
    status: ClaimStatus.describe("open (a reserve is held), closed (paid), closed_without_payment (below the deductible, or no liability)"),
    closed_date: IsoDate.nullable().describe("Day the claim closed: on or after the reported date, not after asOf; null while open"),
    reserve_amount: Dollars.describe("Outstanding case reserve in US dollars: positive while open, 0 once closed"),
    paid_amount: Dollars.describe("Paid to date in US dollars, net of the deductible: positive when closed, 0 when closed without payment, any part of the estimate while open; never above the coverage's limit"),
  })
  .describe("A claim under a policy's coverage");

export type Claim = z.infer<typeof Claim>;
