import { z } from "zod";
import { IsoDate, Money, UsState, Uuid } from "@sdh/schemas";
import { LobType } from "./common.js";

export type PolicyStatus = z.infer<typeof PolicyStatus>;
/**
 * Where the term stands at asOf: in force; pending renewal (in force, ending within the renewal window
 * after asOf, its renewal offered but not yet bound); cancelled before its end; or expired unrenewed.
 */
export const PolicyStatus = z.enum(["in_force", "pending_renewal", "cancelled", "expired"]);
export type CancellationReason = z.infer<typeof CancellationReason>;
/** Why a cancelled term ended early: unpaid instalments, the insured's request (sold the car, switched carriers), or the carrier's underwriting. */
export const CancellationReason = z.enum(["nonpayment", "insured_request", "underwriting"]);
export type SalesChannel = z.infer<typeof SalesChannel>;
/** How the policy was sold and is serviced: a captive (one-carrier) agent, an independent agent, or direct (online or by phone). */
export const SalesChannel = z.enum(["captive_agent", "independent_agent", "direct"]);
export type PaymentPlan = z.infer<typeof PaymentPlan>;
/** How the term's premium is paid: in full, in two, four or monthly instalments. */
export const PaymentPlan = z.enum(["paid_in_full", "two_pay", "quarterly", "monthly"]);

/** Personal auto policies are numbered PAP-<state>-<9 digits>, commercial (business) auto BAP-<state>-<9 digits>. */
export const POLICY_NUMBER_PATTERN = /^(PAP|BAP)-[A-Z]{2}-\d{9}$/;

/** One auto policy's current term, written for a household (personal auto) or a business account (commercial auto). */
export const Policy = z
  .object({
    policy_id: Uuid.describe("Stable identifier of the policy term (UUID)"),
    household_id: Uuid.describe("The household or business account the policy is written for"),
    named_insured_id: Uuid.describe("The person_id of the named insured: the household's head, at least 18 on the effective date (a teenager is never a named insured); for a commercial policy, the person who signs for the business"),
    policy_number: z.string().regex(POLICY_NUMBER_PATTERN).describe("Policy number, kept across renewals: PAP (personal auto policy) or BAP (business auto policy), the rating state and nine digits"),
    lob_type: LobType,
    state: UsState.describe("Rating state: the state of the household's residence or the business's garaging address"),
    term_months: z.number().int().min(6).max(12).multipleOf(6).describe("Term length in months: 6 or 12 (commercial auto: always 12)"),
    term_number: z.number().int().min(1).describe("1 for new business; n for the term that follows n - 1 renewals"),
    original_inception_date: IsoDate.describe("Effective date of the policy's first term: the effective date itself for new business"),
    effective_date: IsoDate.describe("First day of the current term; on or before asOf"),
    expiration_date: IsoDate.describe("Day the term ends: the effective date plus term_months"),
    status: PolicyStatus.describe("in_force, pending_renewal (in force, ending within 30 days of asOf), cancelled or expired (ended on or before asOf, not renewed)"),
    cancellation_date: IsoDate.nullable().describe("Day a cancelled term ended: after its effective date, not after asOf, before its expiration; null unless cancelled"),
    cancellation_reason: CancellationReason.nullable().describe("Why the term was cancelled (nonpayment only on an instalment plan); null unless cancelled"),
    channel: SalesChannel.describe("How the policy was sold: captive_agent, independent_agent or direct"),
    agency_code: z.string().regex(/^[A-Z]{2}\d{4}$/).nullable().describe("The servicing agency: its state and four digits, the agency of the household's ZIP code; null for direct business"),
    payment_plan: PaymentPlan.describe("paid_in_full, two_pay, quarterly or monthly (six-month terms: paid in full or monthly)"),
    vehicle_count: z.number().int().min(1).describe("Vehicles on the policy (policy_vehicles)"),
    driver_count: z.number().int().min(1).describe("Drivers on the policy, listed and excluded (drivers)"),
    written_premium: Money.min(0).describe("Premium for the whole term in US dollars, rounded to cents: the sum of its vehicles' premiums, and equally of its coverages' (the rating algorithm in the rules README)"),
  })
  .describe("An auto policy's current term");

export type Policy = z.infer<typeof Policy>;
