// The book's balance (pack README, "Claims" and "Rating"): means measured on the book itself, so that
// its claims as a whole arrive at ISO's countrywide frequencies however risk is spread over it.
// Re-measure them with `pnpm --filter @sdh/pack-pc rating-balance` whenever a relativity, a share of
// drivers or the vehicle mix changes (it prints the ratio of the book's claims to ISO's: set each mean
// to the current one × its ratio); realism-claims.test.ts holds the book to ISO.

import type { LobType } from "../../schemas/index.js";

/**
 * Mean crash relativity of a car year, by line: vehicleFactor × the vehicle's share of its drivers'
 * crash exposure (rating.ts riskRelativity), averaged over the book's car years on 50,000 households
 * (seed 42). A vehicle's crash claims arrive at ISO's frequency × its relativity ÷ this.
 */
export const MEAN_CRASH_RELATIVITY: Readonly<Record<LobType, number>> = { personal: 1.118, commercial: 1.578 };

/** Mean vehicleFactor of a car year, by line (measured likewise): comprehensive and towing losses follow the vehicle alone. */
export const MEAN_VEHICLE_FACTOR: Readonly<Record<LobType, number>> = { personal: 1.14, commercial: 1.493 };
