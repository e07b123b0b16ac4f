import { impliedRules, type PackSpec, type Severity } from "@sdh/schemas";

export interface RuleDefinition {
  severity: Severity;
  /** What the rule demands, in a consumer's words; the report repeats it next to the failure count. */
  message: string;
}

/** Every rule a gate reports for one pack, by code, in the order its reports list them. */
export type RuleCatalog = Readonly<Record<string, RuleDefinition>>;

/**
 * The rules of the count claims every pack's gate runs (config, generator, exports, manifest), worded
 * with the pack's root entity: the config's `records` counts it.
 */
export function countRules(rootTitle: string): RuleCatalog {
  return {
    COUNT_CONFIG_MISMATCH: { severity: "error", message: `The snapshot holds as many ${rootTitle} records as the config asked for (config.records)` },
    COUNT_GENERATED_MISMATCH: { severity: "error", message: "Each entity holds as many records as were generated" },
    COUNT_EXPORT_MISMATCH: { severity: "error", message: "Every exported file of an entity holds the same number of records" },
    COUNT_MANIFEST_MISMATCH: { severity: "error", message: "Record counts agree with the manifest" },
  };
}

/**
 * Rules that mean the same in every pack holding people's contact details: a pack lists them in its
 * catalog under these codes and this wording (the P&C pack's persons, the FinTech pack's customers).
 */
export const CONTACT_RULES = {
  UNIQUE_EMAIL: { severity: "error", message: "email is unique in the snapshot" },
  PRIVACY_EMAIL_DOMAIN: { severity: "error", message: "Every email is on a reserved domain (example.com, example.net, example.org)" },
  PRIVACY_PHONE_RANGE: { severity: "error", message: "Every phone number is in the fictional 555-0100..0199 range" },
} as const satisfies RuleCatalog;

/**
 * The P&C pack's rules, by stable code (its catalog: the rules its declaration implies, the count
 * claims, and its own). Packs compose theirs with `packCatalog`; this one keeps its published order. Codes are public: runbooks, dashboards and consumers'
 * scripts key on them, so a code is never renamed or reused; a retired rule keeps its code unused.
 */
export const RULES = {
  SCHEMA_HOUSEHOLD_INVALID: { severity: "error", message: "Every household matches the Household schema (types, formats, allowed values)" },
  SCHEMA_PERSON_INVALID: { severity: "error", message: "Every person matches the Person schema (types, formats, allowed values)" },
  SCHEMA_VEHICLE_INVALID: { severity: "error", message: "Every vehicle matches the Vehicle schema (types, formats, allowed values)" },
  SCHEMA_PROFILE_INVALID: { severity: "error", message: "Every profile matches the Profile schema (types, formats, allowed values)" },
  SCHEMA_POLICY_INVALID: { severity: "error", message: "Every policy matches the Policy schema (types, formats, allowed values)" },
  SCHEMA_DRIVER_INVALID: { severity: "error", message: "Every driver matches the Driver schema (types, formats, allowed values)" },
  SCHEMA_POLICY_VEHICLE_INVALID: { severity: "error", message: "Every policy vehicle matches the Policy vehicle schema (types, formats, allowed values)" },
  SCHEMA_COVERAGE_INVALID: { severity: "error", message: "Every coverage matches the Coverage schema (types, formats, allowed values)" },
  SCHEMA_CLAIM_INVALID: { severity: "error", message: "Every claim matches the Claim schema (types, formats, allowed values)" },

  UNIQUE_HOUSEHOLD_ID: { severity: "error", message: "household_id is unique" },
  UNIQUE_PERSON_ID: { severity: "error", message: "person_id is unique" },
  UNIQUE_VEHICLE_ID: { severity: "error", message: "vehicle_id is unique" },
  UNIQUE_PROFILE_ID: { severity: "error", message: "profile_id is unique" },
  UNIQUE_POLICY_ID: { severity: "error", message: "policy_id is unique" },
  UNIQUE_DRIVER_ID: { severity: "error", message: "driver_id is unique" },
  UNIQUE_POLICY_VEHICLE_ID: { severity: "error", message: "policy_vehicle_id is unique" },
  UNIQUE_COVERAGE_ID: { severity: "error", message: "coverage_id is unique" },
  UNIQUE_COVERAGE: { severity: "error", message: "A policy carries each line coverage once, and a vehicle on it each of its own coverages once" },
  UNIQUE_CLAIM_ID: { severity: "error", message: "claim_id is unique" },
  UNIQUE_CLAIM_NUMBER: { severity: "error", message: "claim_number is unique" },
  UNIQUE_POLICY_NUMBER: { severity: "error", message: "policy_number is unique" },
  UNIQUE_POLICY_VEHICLE: { severity: "error", message: "A vehicle is on one policy at most, once" },
  UNIQUE_POLICY_DRIVER: { severity: "error", message: "A person is a driver on one policy at most, once" },
  UNIQUE_VIN: { severity: "error", message: "VIN is unique" },
  UNIQUE_LICENSE: { severity: "error", message: "license_number is unique within its license_state (FL, IL and WI: UNIQUE_LICENSE_DERIVED)" },
  // A warning: FL, IL and WI compute the number from surname, names and birth date; two holders who
  // share all of them are told apart only by an overflow digit, which can coincide (see licence-numbers.ts).
  UNIQUE_LICENSE_DERIVED: { severity: "warning", message: "A licence number FL, IL or WI derives from name and birth date is unique within its state" },
  UNIQUE_EMAIL: CONTACT_RULES.UNIQUE_EMAIL,
  // A warning: states do reissue plates, and the generator's plate space per state is finite
  // (28M for Florida's format), so very large snapshots can repeat one; vehicle_id and VIN stay the keys.
  UNIQUE_PLATE: { severity: "warning", message: "plate is unique within its registration_state" },

  REF_PERSON_HOUSEHOLD_MISSING: { severity: "error", message: "Every person's household_id is a household in the snapshot" },
  REF_VEHICLE_HOUSEHOLD_MISSING: { severity: "error", message: "Every vehicle's household_id is a household in the snapshot" },
  REF_HOUSEHOLD_MEMBER_COUNT: { severity: "error", message: "A household's member_count equals the persons that belong to it" },
  REF_HOUSEHOLD_VEHICLE_COUNT: { severity: "error", message: "A household's vehicle_count equals the vehicles that belong to it" },
  REF_VEHICLE_OWNER_MISSING: { severity: "error", message: "Every vehicle's person_id is a person in the snapshot" },
  REF_PROFILE_PERSON_MISSING: { severity: "error", message: "Every profile's person_id is a person in the snapshot" },
  REF_PROFILE_MISSING: { severity: "error", message: "Every person has a profile" },
  REF_PROFILE_DUPLICATE: { severity: "error", message: "No person has more than one profile" },
  REF_PROFILE_VEHICLE_COUNT: { severity: "error", message: "A profile's vehicle_count equals the vehicles its person owns" },
  REF_PROFILE_VEHICLE_SUMMARY: { severity: "error", message: "A profile's vehicle_summary lists its person's vehicles, in order, as 'year make model'" },
  REF_PROFILE_HOUSEHOLD_ROLE: { severity: "error", message: "A profile's household_role is its person's" },
  REF_PROFILE_PRIMARY_VEHICLE: { severity: "error", message: "A profile's primary_vehicle_id is its person's highest-mileage vehicle (the earlier on a tie)" },
  REF_POLICY_HOUSEHOLD_MISSING: { severity: "error", message: "Every policy's household_id is a household in the snapshot" },
  REF_POLICY_NAMED_INSURED_MISSING: { severity: "error", message: "Every policy's named_insured_id is a person in the snapshot" },
  REF_DRIVER_POLICY_MISSING: { severity: "error", message: "Every driver's policy_id is a policy in the snapshot" },
  REF_DRIVER_PERSON_MISSING: { severity: "error", message: "Every driver's person_id is a person in the snapshot" },
  REF_POLICY_VEHICLE_POLICY_MISSING: { severity: "error", message: "Every policy vehicle's policy_id is a policy in the snapshot" },
  REF_POLICY_VEHICLE_VEHICLE_MISSING: { severity: "error", message: "Every policy vehicle's vehicle_id is a vehicle in the snapshot" },
  REF_POLICY_VEHICLE_DRIVER_MISSING: { severity: "error", message: "Every policy vehicle's principal_driver_id is a driver in the snapshot" },
  REF_COVERAGE_POLICY_MISSING: { severity: "error", message: "Every coverage's policy_id is a policy in the snapshot" },
  REF_COVERAGE_POLICY_VEHICLE_MISSING: { severity: "error", message: "Every coverage's policy_vehicle_id is a policy vehicle in the snapshot" },
  REF_CLAIM_POLICY_MISSING: { severity: "error", message: "Every claim's policy_id is a policy in the snapshot" },
  REF_CLAIM_COVERAGE_MISSING: { severity: "error", message: "Every claim's coverage_id is a coverage in the snapshot" },
  REF_CLAIM_VEHICLE_MISSING: { severity: "error", message: "Every claim's vehicle_id is a vehicle in the snapshot" },
  REF_CLAIM_DRIVER_MISSING: { severity: "error", message: "Every claim's driver_id is a driver in the snapshot" },
  REF_PROFILE_POLICY_COUNT: { severity: "error", message: "A profile's policy_count equals the driver records naming its person" },
  REF_PROFILE_CLAIMS_COUNT: { severity: "error", message: "A profile's claims_count equals the claims its person drove in" },
  REF_POLICY_VEHICLE_COUNT: { severity: "error", message: "A policy's vehicle_count equals the policy vehicles on it" },
  REF_POLICY_DRIVER_COUNT: { severity: "error", message: "A policy's driver_count equals the drivers on it" },

  COUNT_CONFIG_MISMATCH: { severity: "error", message: "The snapshot holds as many households as the config asked for (config.records)" },
  COUNT_GENERATED_MISMATCH: { severity: "error", message: "Each entity holds as many records as were generated" },
  COUNT_EXPORT_MISMATCH: { severity: "error", message: "Every exported file of an entity holds the same number of records" },
  COUNT_MANIFEST_MISMATCH: { severity: "error", message: "Record counts agree with the manifest" },

  DOMAIN_VIN_CHECK_DIGIT: { severity: "error", message: "A VIN's 9th character is its check digit (49 CFR 565)" },
  DOMAIN_VIN_YEAR_CODE: { severity: "error", message: "A VIN's 10th character is the code of its model_year" },
  DOMAIN_DRIVER_TOO_YOUNG: { severity: "error", message: "Every person is at least 16 years old at asOf" },
  DOMAIN_LICENSE_DATE: { severity: "error", message: "license_issue_date is on or after the 16th birthday and not after asOf" },
  DOMAIN_MODEL_YEAR_FUTURE: { severity: "error", message: "model_year is at most the asOf year + 1" },
  DOMAIN_POSTAL_CODE_STATE: { severity: "error", message: "A ZIP code is a residential ZIP code of its state (person: postal_code/state; vehicle: garaging_postal_code/registration_state)" },
  DOMAIN_POSTAL_CODE_CITY: { severity: "error", message: "A person's city and county are the USPS city and county of their ZIP code" },
  DOMAIN_PHONE_AREA_CODE: { severity: "error", message: "A phone's area code serves the person's ZIP code" },
  DOMAIN_VIN_DECODES: { severity: "error", message: "A VIN's positions 1-8 and 11 are a vPIC VIN pattern of its make, model and model year (the shipped catalogue)" },
  DOMAIN_MINOR_MARRIED: { severity: "error", message: "Nobody under 18 at asOf is married, a domestic partner, divorced or widowed" },
  DOMAIN_MINOR_CONTRACT: { severity: "error", message: "Nobody under 18 at asOf finances or leases a vehicle" },
  DOMAIN_LICENSE_FORMAT: { severity: "error", message: "license_number has the issuing state's format" },
  DOMAIN_PLATE_FORMAT: { severity: "error", message: "plate has the registration state's format" },
  DOMAIN_LOB_MISMATCH: { severity: "error", message: "A person's lob_type equals their household's, and a vehicle's and a profile's their person's" },
  DOMAIN_HOUSEHOLD_HEAD: { severity: "error", message: "Every household has exactly one head" },
  DOMAIN_HOUSEHOLD_ADDRESS: { severity: "error", message: "A person's address (street, address_line2, city, county, state, postal_code) is their household's" },
  DOMAIN_HOUSEHOLD_CHILD_AGE: { severity: "error", message: "A household's child is at least 18 years younger than its head (whole years at asOf)" },
  DOMAIN_VEHICLE_HOUSEHOLD: { severity: "error", message: "A vehicle's owner belongs to the vehicle's household" },
  DOMAIN_POLICY_NAMED_INSURED: { severity: "error", message: "A policy's named insured is its household's head, at least 18 on the effective date (a teenager never is)" },
  DOMAIN_POLICY_HOUSEHOLD: { severity: "error", message: "A policy's state and lob_type are its household's" },
  DOMAIN_POLICY_NUMBER: { severity: "error", message: "A policy number's prefix is its line's (PAP personal, BAP commercial) and its middle part the policy's state" },
  DOMAIN_POLICY_TERM: { severity: "error", message: "expiration_date is effective_date plus term_months (commercial: 12), effective_date is not after asOf, original_inception_date is on or before it (equal for term 1, earlier after), and the payment plan fits the term (six months: paid_in_full or monthly)" },
  DOMAIN_POLICY_STATUS: { severity: "error", message: "A policy's status agrees with its dates at asOf (pending_renewal: in force and ending within 30 days; expired: ended on or before asOf), and a cancellation date and reason are given exactly when it is cancelled: the date after the effective date, not after asOf and before expiration, nonpayment only on an instalment plan" },
  DOMAIN_POLICY_AGENCY: { severity: "error", message: "A policy sold through an agent names an agency of its state (agency_code); a direct one names none" },
  DOMAIN_POLICY_PREMIUM: { severity: "error", message: "A policy's written_premium is the sum of its vehicles' premiums, to the cent" },
  DOMAIN_DRIVER_HOUSEHOLD: { severity: "error", message: "A driver is a member of the policy's household" },
  DOMAIN_DRIVER_RELATIONSHIP: { severity: "error", message: "A driver's relationship fits their household role: the head is the named insured (on a commercial policy, or an employee), a spouse is a spouse, a child a child" },
  DOMAIN_DRIVER_EXCLUDED: { severity: "error", message: "The named insured is never an excluded driver, and a driver whose licence is suspended always is" },
  DOMAIN_DRIVER_LICENSE_DATE: { severity: "error", message: "A driver joined the policy (added_date) within its term (from the effective date to before its end) and not before their licence was issued" },
  DOMAIN_POLICY_VEHICLE_HOUSEHOLD: { severity: "error", message: "A vehicle on a policy belongs to the policy's household" },
  DOMAIN_COVERAGE_CODE: { severity: "error", message: "A line coverage (BI, PD, CSL, UM, PIP, MEDPAY) names no vehicle and a vehicle's coverage (COMP, COLL, RENTAL, TOWING) names one of its policy's; CSL is commercial auto's, BI, PD, RENTAL and TOWING personal auto's" },
  DOMAIN_COVERAGE_LIMITS: { severity: "error", message: "A coverage fills the limits its code has and no other (split limits per person and per accident, a single limit, a daily limit, a deductible), per person no more than per accident" },
  DOMAIN_COVERAGE_STATE_MINIMUM: { severity: "error", message: "Liability, uninsured motorists, PIP and medical payments limits are at least the policy state's statutory minimums on its effective date (and an interstate truck's single limit at least the federal 750,000)" },
  DOMAIN_COVERAGE_REQUIRED: { severity: "error", message: "A policy carries every coverage its state requires: property damage and, where compulsory, bodily injury liability (a commercial policy a single limit), uninsured motorists and medical payments" },
  DOMAIN_COVERAGE_PIP_STATE: { severity: "error", message: "A policy in a state whose law requires personal injury protection carries PIP; one in a state that has no PIP law carries none" },
  DOMAIN_COVERAGE_PHYSICAL_DAMAGE: { severity: "error", message: "A financed or leased vehicle carries comprehensive and collision; rental reimbursement comes with collision, towing with comprehensive" },
  DOMAIN_COVERAGE_PREMIUM: { severity: "error", message: "A policy's written_premium is the sum of its coverages' premiums, to the cent" },
  DOMAIN_CLAIM_NUMBER: { severity: "error", message: "A claim number is CLM, the last two digits of its loss year, its policy number's nine digits and its number on the policy, joined by hyphens" },
  DOMAIN_CLAIM_DATES: { severity: "error", message: "A claim's loss_date is inside its policy's term (on or after the effective date, before its cancellation or expiration) and not after asOf; reported_date is on or after it and not after asOf; closed_date is set exactly when the claim is not open, on or after reported_date and not after asOf" },
  DOMAIN_CLAIM_COVERAGE: { severity: "error", message: "A claim is made under a coverage of its policy with its coverage_code (COLL and COMP: the coverage of the claim's vehicle), for the loss it pays (BI bodily_injury, PD property_damage, CSL either, COLL collision, COMP comprehensive), and a comprehensive loss has a comprehensive cause (glass, theft, animal, weather, vandalism, fire), a crash a crash type" },
  DOMAIN_CLAIM_VEHICLE: { severity: "error", message: "A claim's vehicle belongs to its policy's household and is on a policy" },
  DOMAIN_CLAIM_DRIVER: { severity: "error", message: "A crash claim names a listed driver of its policy who was on it by the loss date; a comprehensive claim names none" },
  DOMAIN_CLAIM_AT_FAULT: { severity: "error", message: "at_fault is null exactly for a comprehensive loss, and true for a liability claim unless it closed without payment" },
  DOMAIN_CLAIM_AMOUNTS: { severity: "error", message: "An open claim holds a reserve, a closed one none and a payment, one closed without payment neither; a liability claim's paid and reserve together stay within its limit (BI per person, PD per accident, CSL the single limit)" },
  DOMAIN_POLICY_VEHICLE_PRINCIPAL: { severity: "error", message: "A vehicle on a personal policy has a principal driver listed (not excluded) on the same policy; one on a commercial policy has none" },
  DOMAIN_LOB_FIELDS: { severity: "error", message: "business_name, fleet_role, naics_code and gvwr_class are set in commercial lines, and these and usdot_number and cdl_class are null in personal lines" },

  PRIVACY_EMAIL_DOMAIN: CONTACT_RULES.PRIVACY_EMAIL_DOMAIN,
  PRIVACY_PHONE_RANGE: CONTACT_RULES.PRIVACY_PHONE_RANGE,
} as const satisfies Record<string, RuleDefinition>;

/** A rule code of the P&C pack (typed, so its checks cannot name a rule that does not exist). */
export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/**
 * A pack's catalog: the rules its declaration implies (schema, primary keys, references, exactly-one
 * children), the count claims, then its own domain rules, in that order.
 */
export function packCatalog(pack: PackSpec, own: RuleCatalog): RuleCatalog {
  const implied = Object.fromEntries(impliedRules(pack).map((r) => [r.code, { severity: "error" as const, message: r.message }]));
  const root = pack.entities[0]!.title.toLowerCase();
  return { ...implied, ...countRules(root), ...own };
}
