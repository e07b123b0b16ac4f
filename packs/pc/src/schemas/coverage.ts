import { z } from "zod";
import { Money, Uuid } from "@sdh/schemas";

export type CoverageCode = z.infer<typeof CoverageCode>;
/**
 * The auto coverages a policy carries, as on its declarations page. Line coverages (liability,
 * uninsured motorists, PIP, medical payments) cover the policy; physical damage and its add-ons cover
 * one vehicle.
 * - BI / PD: bodily injury / property damage liability (personal auto: split limits);
 * - CSL: combined single limit liability, bodily injury and property damage together (commercial auto);
 * - UM: uninsured/underinsured motorists bodily injury;
 * - PIP: personal injury protection (no-fault and add-on states);
 * - MEDPAY: medical payments;
 * - COMP / COLL: comprehensive (other than collision) / collision;
 * - RENTAL: rental reimbursement; TOWING: towing and labour.
 */
export const CoverageCode = z.enum(["BI", "PD", "CSL", "UM", "PIP", "MEDPAY", "COMP", "COLL", "RENTAL", "TOWING"]);

/** Coverages written for the whole policy (policy_vehicle_id null); the others belong to one vehicle. */
export const LINE_COVERAGES: readonly CoverageCode[] = ["BI", "PD", "CSL", "UM", "PIP", "MEDPAY"];

const Dollars = z.number().int().min(1);

/** One coverage of a policy, or of one vehicle on it, with its limits, deductible and premium for the term. */
export const Coverage = z
  .object({
    coverage_id: Uuid.describe("Stable identifier of the coverage (UUID)"),
    policy_id: Uuid.describe("The policy"),
    policy_vehicle_id: Uuid.nullable().describe("The vehicle on the policy for physical damage and its add-ons (COMP, COLL, RENTAL, TOWING); null for a line coverage (BI, PD, CSL, UM, PIP, MEDPAY), which covers the whole policy"),
    coverage_code: CoverageCode.describe("BI bodily injury liability, PD property damage liability (personal auto), CSL combined single limit liability (commercial auto), UM uninsured/underinsured motorists, PIP personal injury protection, MEDPAY medical payments, COMP comprehensive, COLL collision, RENTAL rental reimbursement, TOWING towing and labour"),
    limit_per_person: Dollars.nullable().describe("Limit per injured person in US dollars: BI and UM (split limits), PIP and MEDPAY; null on PIP means unlimited benefits (Michigan); else null"),
    limit_per_accident: Dollars.nullable().describe("Limit per accident in US dollars: BI, UM (the split limit's second figure, or a commercial policy's single limit), PD, CSL; RENTAL's most per claim, TOWING's per disablement; else null"),
    limit_per_day: Dollars.nullable().describe("RENTAL's daily limit in US dollars; else null"),
    deductible: Dollars.nullable().describe("Deductible in US dollars: COMP and COLL; else null"),
    premium: Money.min(0).describe("The coverage's premium for the term in US dollars, rounded to cents (the rating algorithm in the rules README); a policy's coverages add up to its written premium"),
  })
  .describe("A coverage on a policy");

export type Coverage = z.infer<typeof Coverage>;
