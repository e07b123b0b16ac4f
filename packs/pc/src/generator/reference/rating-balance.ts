// The book's balance (pack README, "Claims" and "Rating"): means measured on the book itself, so that
// its claims as a whole arrive at ISO's countrywide frequencies however risk is spread over it.
// Re-measure them with `pnpm --filter @sdh/pack-pc rating-balance` whenever a relativity, a share of
// drivers or the vehicle mix changes (it prints the ratio of the book's claims to ISO's: set each mean
// to the current one × its ratio); realism-claims.test.ts holds the book to ISO.

import type { UsState } from "@sdh/schemas";
import type { LobType } from "../../schemas/index.js";

/**
 * Mean crash relativity of a car year, by line: vehicleFactor × the vehicle's share of its drivers'
 * crash exposure (rating.ts riskRelativity), averaged over the book's car years on 50,000 households
 * (seed 42). A vehicle's crash claims arrive at ISO's frequency × its relativity ÷ this.
 */
export const MEAN_CRASH_RELATIVITY: Readonly<Record<LobType, number>> = { personal: 1.118, commercial: 1.578 };

/** Mean vehicleFactor of a car year, by line (measured likewise): comprehensive and towing losses follow the vehicle alone. */
export const MEAN_VEHICLE_FACTOR: Readonly<Record<LobType, number>> = { personal: 1.14, commercial: 1.493 };

/**
 * The book's written premium per personal car year by state before its state rate level (US dollars:
 * premium ÷ (vehicles × term months ÷ 12), each policy's level divided out), measured on 1,000,000
 * households (seed 42; at least 2,152 car years a state). It differs by state through each state's
 * compulsory coverages and limits (PIP in no-fault states, Michigan's unlimited PIP); reference/
 * state-rate-levels.ts sets each state's level from NAIC's figure over this one.
 */
export const BOOK_STATE_PREMIUM: Readonly<Record<UsState, number>> = {
  AL: 819.16, AK: 830.43, AZ: 825.48, AR: 850.52, CA: 826.37, CO: 822.15, CT: 835.27, DE: 879.88, DC: 861.68,
  FL: 835.24, GA: 822.03, HI: 863.96, ID: 812.96, IL: 834.85, IN: 820.34, IA: 824.51, KS: 854.30, KY: 861.39,
  LA: 817.68, ME: 879.24, MD: 842.50, MA: 875.01, MI: 1067.06, MN: 910.79, MS: 837.33, MO: 834.56, MT: 829.87,
  NE: 838.08, NV: 832.60, NH: 837.59, NJ: 943.42, NM: 798.78, NY: 923.33, NC: 845.62, ND: 923.74, OH: 829.52,
  OK: 819.54, OR: 892.02, PA: 842.19, RI: 842.17, SC: 840.27, SD: 832.72, TN: 823.67, TX: 835.47, UT: 858.93,
  VT: 849.05, VA: 852.59, WA: 835.34, WV: 822.92, WI: 817.93, WY: 804.99,
};
