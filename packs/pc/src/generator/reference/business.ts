import type { BodyType, CdlClass, FleetRole } from "../../schemas/index.js";
import { shareAt, weighted, type WeightedTable } from "@sdh/rules";

/**
 * Commercial-lines businesses as archetypes: what they do (a NAICS 2022 code and its title, US Census
 * Bureau, public domain), the bodies of vehicle they run, how big their fleets are, whether they need a
 * USDOT number (FMCSA: interstate carriers and, in most states, commercial vehicles over 10,000 lb) and
 * which CDL their drivers hold (49 CFR 383.91). Fleet-size shares and the mix of archetypes are a rule
 * (after FMCSA's carrier census, where most carriers run one to five power units and few run hundreds),
 * stated here so it can be challenged.
 */
export interface BusinessArchetype {
  key: string;
  naics: string;
  /** Four words that name a business of this kind ("Garcia Plumbing LLC"); no word is used by two archetypes, so names stay unique. */
  trades: readonly string[];
  bodies: ReadonlySet<BodyType>;
  /** [min, max] vehicles, with the share of businesses of each size. */
  fleetSizes: WeightedTable<readonly [number, number]>;
  usdot: boolean;
  cdl: CdlClass | null;
}

const SMALL = weighted<readonly [number, number]>([[[1, 1], 0.45], [[2, 3], 0.3], [[4, 6], 0.15], [[7, 12], 0.07], [[13, 25], 0.03]]);
const MEDIUM = weighted<readonly [number, number]>([[[1, 1], 0.32], [[2, 4], 0.32], [[5, 10], 0.2], [[11, 25], 0.11], [[26, 60], 0.04], [[61, 150], 0.01]]);
const CARRIER = weighted<readonly [number, number]>([
  [[1, 1], 0.48], [[2, 5], 0.3], [[6, 10], 0.1], [[11, 25], 0.07], [[26, 100], 0.037], [[101, 250], 0.01], [[251, 400], 0.003],
]);

const archetype = (key: string, naics: string, trades: string[], bodies: BodyType[], fleetSizes: BusinessArchetype["fleetSizes"], usdot: boolean, cdl: CdlClass | null): BusinessArchetype => ({
  key, naics, trades, bodies: new Set(bodies), fleetSizes, usdot, cdl,
});

export const BUSINESS_ARCHETYPES = weighted<BusinessArchetype>([
  [archetype("plumbing_hvac", "238220", ["Plumbing", "Heating & Air", "Mechanical", "Plumbing & Heating"], ["pickup", "cargo_van"], SMALL, false, null), 0.16],
  [archetype("electrical", "238210", ["Electric", "Electrical Services", "Electrical Contractors", "Power & Lighting"], ["pickup", "cargo_van"], SMALL, false, null), 0.12],
  [archetype("remodeling", "236118", ["Construction", "Builders", "Remodeling", "Home Improvement"], ["pickup", "cargo_van"], SMALL, false, null), 0.14],
  [archetype("landscaping", "561730", ["Landscaping", "Lawn Care", "Tree Service", "Grounds Maintenance"], ["pickup", "box_truck"], SMALL, false, null), 0.12],
  [archetype("courier", "492110", ["Courier", "Delivery", "Express", "Parcel Service"], ["cargo_van", "box_truck"], MEDIUM, true, null), 0.14],
  [archetype("grocery_wholesale", "424410", ["Foods", "Produce", "Distributors", "Food Service"], ["box_truck", "cargo_van"], MEDIUM, true, "B"), 0.08],
  [archetype("local_freight", "484110", ["Hauling", "Transport", "Freight", "Cartage"], ["box_truck", "tractor"], MEDIUM, true, "A"), 0.1],
  [archetype("long_haul", "484121", ["Trucking", "Transportation", "Logistics", "Freight Lines"], ["tractor"], CARRIER, true, "A"), 0.14],
]);

/** Roles in a business: owners and fleet managers hold the fleet; a driver has the one vehicle they drive. */
export const FLEET_ROLES = weighted<FleetRole>([["owner", 0.45], ["fleet_manager", 0.2], ["driver", 0.35]]);

/** Legal forms that end business names (a rule: the common US forms). */
export const LEGAL_FORMS = ["LLC", "Inc.", "Co.", "& Sons", "Group", "Services"] as const;

export const ARCHETYPE_BY_NAICS: ReadonlyMap<string, BusinessArchetype> = new Map(BUSINESS_ARCHETYPES.items.map((a) => [a.naics, a]));

/** Fleet-size bands the quality report checks commercial lines against. */
const FLEET_BANDS: ReadonlyArray<readonly [number, number]> = [[1, 1], [2, 5], [6, 25], [26, 400]];

/**
 * The share of commercial persons holding 1, 2-5, 6-25 and 26-400 vehicles, exactly as the rules draw
 * them: drivers hold one; owners and fleet managers a size from their archetype's bands, uniform within.
 */
export const COMMERCIAL_FLEET_SHARES: ReadonlyArray<{ min: number; max: number; share: number }> = (() => {
  const roleShare = (role: FleetRole) => shareAt(FLEET_ROLES, FLEET_ROLES.items.indexOf(role));
  const driver = roleShare("driver");
  const shares = FLEET_BANDS.map(([min, max]) => ({ min, max, share: min === 1 ? driver : 0 }));
  BUSINESS_ARCHETYPES.items.forEach((archetype, a) => {
    const weight = (1 - driver) * shareAt(BUSINESS_ARCHETYPES, a);
    archetype.fleetSizes.items.forEach(([lo, hi], b) => {
      const each = (weight * shareAt(archetype.fleetSizes, b)) / (hi - lo + 1);
      for (let size = lo; size <= hi; size++) shares.find((s) => size >= s.min && size <= s.max)!.share += each;
    });
  });
  return shares;
})();
