import { z } from "zod";
import { IsoDate, Uuid } from "@sdh/schemas";

export type DriverRelationship = z.infer<typeof DriverRelationship>;
/** The driver to the named insured: the insured themself, a spouse or partner, a child; or, on a commercial policy, an employee. */
export const DriverRelationship = z.enum(["named_insured", "spouse", "child", "employee"]);
export type DriverStatus = z.infer<typeof DriverStatus>;
/** Listed drivers are covered and rated; an excluded driver is named on the policy as not covered to drive its vehicles. */
export const DriverStatus = z.enum(["listed", "excluded"]);
export type LicenseStatus = z.infer<typeof LicenseStatus>;
export const LicenseStatus = z.enum(["valid", "suspended"]);

/** A household member on a policy: every licensed member of the household when the term was written or they were added. */
export const Driver = z
  .object({
    driver_id: Uuid.describe("Stable identifier of the driver on the policy (UUID)"),
    policy_id: Uuid.describe("The policy the driver is on"),
    person_id: Uuid.describe("The person: a member of the policy's household"),
    driver_number: z.number().int().min(1).describe("The driver's number on the policy: 1 for the named insured, then in household order"),
    relationship: DriverRelationship.describe("To the named insured: named_insured (the head), spouse, child; on a commercial policy, named_insured for an owner, else employee"),
    status: DriverStatus.describe("listed (covered and rated) or excluded (named as not covered; never the named insured). A driver whose licence is suspended is always excluded; a household member with a valid licence and a poor record may be excluded too, as named-driver exclusions are used in the market"),
    license_status: LicenseStatus.describe("valid or suspended, as the motor vehicle record shows"),
    violation_points: z.number().int().min(0).max(20).describe("Points for moving violations in the last 36 months: 1-2 minor (speeding), 4 major (reckless driving, DUI)"),
    accident_points: z.number().int().min(0).max(20).describe("Points for at-fault accidents in the last 36 months: 3 each"),
    added_date: IsoDate.describe("Day the driver joined the term: its effective date, or the day a member licensed during the term was added; never before the licence was issued"),
  })
  .describe("A driver on a policy");

export type Driver = z.infer<typeof Driver>;
