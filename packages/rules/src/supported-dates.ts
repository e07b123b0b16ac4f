// The asOf dates a pack can build, and why. Checked where a config comes in (the CLI, the workflow's
// activities), so a date outside them is refused at once instead of failing validation minutes later.

/** Places are USPS data of 2021 and names SSA's to 2024: earlier dates would place people in a present that had not happened yet. */
const FIRST_YEAR = 2019;
/** VIN year codes repeat every 30 years from 1980; the P&C validator reads them up to 2069 (asOf's year + 1). One range serves every pack. */
const LAST_YEAR = 2068;

export const AS_OF_RANGE = { first: `${FIRST_YEAR}-01-01`, last: `${LAST_YEAR}-12-31` } as const;

/**
 * Why a pack cannot build a snapshot as of `asOf` (a YYYY-MM-DD date), or null when it can: outside
 * AS_OF_RANGE, with the pack's own words for what bounds it (`bounds`).
 */
export function asOfOutsideRange(asOf: string, bounds: string): string | null {
  if (asOf >= AS_OF_RANGE.first && asOf <= AS_OF_RANGE.last) return null;
  return `'${asOf}' is outside the dates this generator builds, ${AS_OF_RANGE.first} to ${AS_OF_RANGE.last}: ${bounds}`;
}

/** What bounds every pack's people: the shared name and place tables. */
export const PEOPLE_FROM = `its places and names describe ${FIRST_YEAR} onwards`;
