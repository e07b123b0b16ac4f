import { z } from "zod";
import { IsoDate, Money, Uuid } from "@sdh/schemas";

export type ClaimCoverage = z.infer<typeof ClaimCoverage>;
/**
 * The coverages a claim is made under: liability (BI, PD, or a commercial policy's CSL), the insured's
 * own injuries (UM, PIP, MEDPAY), physical damage (COLL, COMP), and a vehicle's rental reimbursement and
 * towing (RENTAL, TOWING).
 */
export const ClaimCoverage = z.enum(["BI", "PD", "CSL", "UM", "PIP", "MEDPAY", "COLL", "COMP", "RENTAL", "TOWING"]);

export type LossType = z.infer<typeof LossType>;
/**
 * What was lost: injury to another person, damage to another's property (liability); injury to the
 * insured's driver or passengers (UM, PIP, MEDPAY); the insured vehicle's own damage in a collision, or
 * other than collision; a rental car while it is repaired; a tow.
 */
export const LossType = z.enum(["bodily_injury", "property_damage", "insured_injury", "collision", "comprehensive", "rental", "towing"]);

export type LossCause = z.infer<typeof LossCause>;
/**
 * How it happened. Crashes (liability, injury and collision claims) by NHTSA's type of collision; other
 * than collision (comprehensive) by peril; a tow after a breakdown is a disablement. A rental claim
 * carries the cause of the loss it follows.
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
  "disablement",
]);

export type ClaimStatus = z.infer<typeof ClaimStatus>;
/** open (a reserve is held), closed (paid), closed_without_payment (below the deductible, or denied). */
export const ClaimStatus = z.enum(["open", "closed", "closed_without_payment"]);

/** US dollars to the cent, as the premiums are (DECIMAL(12,2) in Parquet). */
const Dollars = Money.min(0);

/** One claim under one coverage of a policy: a loss during the current term, its handling and its money. */
export const Claim = z
  .object({
    claim_id: Uuid.describe("Stable identifier of the claim (UUID)"),
    claim_number: z.string().regex(/^CLM-\d{2}-\d{9}-\d{2}$/).describe("The carrier's claim number: CLM-<year of loss, two digits>-<the policy number's nine digits>-<the claim's number on the policy>, such as CLM-25-674076480-01"),
    policy_id: Uuid.describe("The policy in force on the loss date"),
    coverage_id: Uuid.describe("The coverage the claim is made under: one of the policy's line coverages (BI, PD, CSL, UM, PIP, MEDPAY) or the vehicle's own (COLL, COMP, RENTAL, TOWING)"),
    vehicle_id: Uuid.describe("The insured vehicle involved: on the policy"),
    driver_id: Uuid.nullable().describe("The listed driver on the policy who was driving; null for a comprehensive loss (a parked or unattended vehicle) and a tow; a rental claim's is that of the loss it follows"),
    coverage_code: ClaimCoverage.describe("The coverage's code, as on the coverage: BI, PD, CSL, UM, PIP, MEDPAY, COLL, COMP, RENTAL or TOWING"),
    loss_type: LossType.describe("bodily_injury or property_damage (liability: paid to others; CSL pays either), insured_injury (UM, PIP, MEDPAY: the insured's driver and passengers), collision or comprehensive (the insured vehicle's own damage), rental (RENTAL: a car while the vehicle is repaired), towing (TOWING)"),
    loss_cause: LossCause.describe("How it happened: a crash by NHTSA's type of collision (rear_end, angle, sideswipe, head_on, fixed_object, parked_vehicle, pedestrian_or_cyclist), a comprehensive peril (glass, theft, animal, weather, vandalism, fire), or a breakdown (disablement, towing only); a rental claim has the cause of the loss it follows"),
    at_fault: z.boolean().nullable().describe("Whether the insured driver was at fault: true for a liability claim that is open or paid, false for one closed without payment because no liability was found; false for UM (an uninsured driver caused it); true or false for a collision, PIP or MEDPAY claim; null for a comprehensive loss and a tow; a rental claim's is that of the loss it follows"),
    loss_date: IsoDate.describe("Day of the loss: inside the policy's current term (on or after its effective date, before its cancellation or expiration) and not after asOf"),
    reported_date: IsoDate.describe("Day the claim was reported: on or after the loss date, not after asOf"),
    status: ClaimStatus.describe("open (a reserve is held), closed (paid), closed_without_payment (below the deductible, or no liability)"),
    closed_date: IsoDate.nullable().describe("Day the claim closed: on or after the reported date, not after asOf; null while open"),
    reserve_amount: Dollars.describe("Outstanding case reserve in US dollars: positive while open, 0 once closed"),
    paid_amount: Dollars.describe("Paid to date in US dollars, net of the deductible: positive when closed, 0 when closed without payment, any part of the estimate while open; never above the coverage's limit"),
  })
  .describe("A claim under a policy's coverage");

export type Claim = z.infer<typeof Claim>;
