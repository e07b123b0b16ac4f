import type { FleetRole } from "../../schemas/index.js";
import { shareAt as shareOf, weighted, type WeightedTable } from "@sdh/rules";
import { BUSINESS_ARCHETYPES, FLEET_ROLES, type BusinessArchetype } from "./business.js";

/**
 * The archetypes' fleet sizes split at SMALL_FLEET_MAX vehicles. Fleets up to that size are drawn per
 * person; larger ones ("big fleets") are given to persons by slot (big-fleets.ts), so that their
 * vehicles can be numbered densely and their VINs stay unique by construction. The split keeps every
 * distribution as business.ts states it: archetype shares, role shares and fleet sizes.
 */
export const SMALL_FLEET_MAX = 8;

const DRIVER = shareOf(FLEET_ROLES, FLEET_ROLES.items.indexOf("driver"));

export interface ArchetypeSizes {
  archetype: BusinessArchetype;
  /** P(size > SMALL_FLEET_MAX) for an owner or fleet manager of this archetype. */
  bigShare: number;
  /** Sizes 1..8 of its small fleets, with their weights. */
  small: WeightedTable<number> | null;
  /** Bands above 8 of its big fleets, uniform within. */
  big: WeightedTable<readonly [number, number]> | null;
}

export const ARCHETYPE_SIZES: ReadonlyMap<BusinessArchetype, ArchetypeSizes> = new Map(
  BUSINESS_ARCHETYPES.items.map((archetype) => {
    const small = new Map<number, number>();
    const big: Array<readonly [readonly [number, number], number]> = [];
    let bigShare = 0;
    archetype.fleetSizes.items.forEach(([lo, hi], b) => {
      const each = shareOf(archetype.fleetSizes, b) / (hi - lo + 1);
      for (let size = lo; size <= Math.min(hi, SMALL_FLEET_MAX); size++) small.set(size, (small.get(size) ?? 0) + each);
      if (hi > SMALL_FLEET_MAX) {
        const from = Math.max(lo, SMALL_FLEET_MAX + 1);
        big.push([[from, hi], each * (hi - from + 1)]);
        bigShare += each * (hi - from + 1);
      }
    });
    return [archetype, {
      archetype,
      bigShare,
      small: small.size ? weighted([...small]) : null,
      big: big.length ? weighted(big) : null,
    }];
  }),
);

/** Share of commercial persons who run a big fleet: owners and fleet managers × their archetype's big share. */
export const BIG_FLEET_SHARE_OF_COMMERCIAL = (1 - DRIVER) * BUSINESS_ARCHETYPES.items.reduce((sum, a, i) => sum + shareOf(BUSINESS_ARCHETYPES, i) * ARCHETYPE_SIZES.get(a)!.bigShare, 0);

/** The archetypes of big fleets, in proportion to how many big fleets each has. */
export const BIG_FLEET_ARCHETYPES = weighted(
  BUSINESS_ARCHETYPES.items.flatMap((a, i) => {
    const w = shareOf(BUSINESS_ARCHETYPES, i) * ARCHETYPE_SIZES.get(a)!.bigShare;
    return w > 0 ? [[a, w] as const] : [];
  }),
);

/** The archetypes of the other commercial persons: what remains of each archetype once its big fleets are given by slot. */
export const SMALL_FLEET_ARCHETYPES = weighted(
  BUSINESS_ARCHETYPES.items.map((a, i) => [a, shareOf(BUSINESS_ARCHETYPES, i) * (1 - (1 - DRIVER) * ARCHETYPE_SIZES.get(a)!.bigShare)] as const),
);

/** Among an archetype's commercial persons without a big fleet, the share who are drivers. */
export function driverShareWithoutBigFleet(archetype: BusinessArchetype): number {
  return DRIVER / (1 - (1 - DRIVER) * ARCHETYPE_SIZES.get(archetype)!.bigShare);
}

/** Owners and fleet managers, in FLEET_ROLES' proportion. */
export const FLEET_HOLDER_ROLES = weighted<FleetRole>(FLEET_ROLES.items.flatMap((role, i) => (role === "driver" ? [] : [[role, shareOf(FLEET_ROLES, i)] as const])));
