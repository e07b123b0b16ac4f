import { weighted } from "@sdh/rules";

// Who lives with a personal-lines head of household and drives (rules, documented in the pack README).
// The shares are rounded rules, not measured statistics; together they are calibrated to one public
// figure: about 1.8 licensed drivers per household (FHWA Highway Statistics: ~235 million licensed
// drivers; Census Bureau: ~131 million households, 2022). realism-households.test.ts holds them to it.

/**
 * Share of married or partnered heads whose spouse or partner is a licensed member of the household:
 * most are (FHWA counts about 85% of the driving-age population as licensed drivers).
 */
export const SPOUSE_LICENSED_SHARE = 0.85;

/** Share of couples of the same sex (a rule; the Census Bureau's ACS puts same-sex couples at about 1.5% of married-couple households). */
export const SAME_SEX_COUPLE_SHARE = 0.015;

/** A spouse's age minus the head's, before the sexes shift it: spread over ±12 years, most within 4. */
export const SPOUSE_AGE_SPREAD = 12;

/** Years a husband is older than his wife on average (a rule; Census: about two years). */
export const HUSBAND_OLDER_YEARS = 2;

/** Heads of these ages may have children of driving age (16 to 29) living at home. */
export const PARENT_AGES = { min: 36, max: 64 } as const;

/** Licensed children at home, for a head of a parent's age (a rule; a third of 18-to-34-year-olds live with a parent, Census CPS). */
export const CHILD_DRIVERS = weighted<number>([[0, 0.62], [1, 0.28], [2, 0.1]]);

/** Ages of a licensed child living at home: from the first licence to the late twenties. */
export const CHILD_AGES = { min: 16, max: 29 } as const;

/** A parent is at least this much older than their child. */
export const MIN_PARENT_AGE_GAP = 18;

/** Share of spouses and partners who share the head's family name (a rule); the others keep their own. */
export const SPOUSE_SHARES_NAME_SHARE = 0.8;
