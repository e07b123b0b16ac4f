import { pcSettings } from "../settings.js";
import type { SnapshotConfig } from "@sdh/schemas";
import { createRecordStreams, intBetween, pickWeighted } from "@sdh/rules";
import type { BusinessArchetype } from "./reference/business.js";
import { ARCHETYPE_SIZES, BIG_FLEET_ARCHETYPES, BIG_FLEET_SHARE_OF_COMMERCIAL, SMALL_FLEET_MAX } from "./reference/fleet-sizes.js";

export interface BigFleet {
  /** The fleet's rank among the snapshot's big fleets. */
  rank: number;
  archetype: BusinessArchetype;
  /** Vehicles beyond the first SMALL_FLEET_MAX. */
  extra: number;
  /** The number of extra vehicles of all big fleets ranked before this one: their dense numbering. */
  offset: number;
}

export interface BigFleets {
  /** Share of all persons who run a big fleet. */
  share: number;
  /** The big fleet of the person in `slot`, or null. */
  ofSlot(slot: number): BigFleet | null;
  /** Extra vehicles of all big fleets together. */
  totalExtra: number;
}

/**
 * Big fleets (more than 8 vehicles) go to persons by slot: slot s runs one when ⌊(s+1)·share⌋ > ⌊s·share⌋,
 * an exact share spread evenly over the slots, ranked ⌊s·share⌋. Each fleet's archetype and size are
 * drawn from its own stream by rank, so every shard computes the same table of offsets (about 0.02 per
 * person: 4.7 MB for 100M persons) and numbers every big-fleet vehicle densely — what keeps their VINs
 * unique by construction.
 */
export function createBigFleets(config: SnapshotConfig): BigFleets {
  const share = pcSettings(config).lobMix.commercial * BIG_FLEET_SHARE_OF_COMMERCIAL;
  const count = Math.floor(config.records * share);
  const streams = createRecordStreams(config.seed, "big-fleet");
  const archetypes: BusinessArchetype[] = new Array(count);
  const offsets = new Float64Array(count + 1);
  for (let rank = 0; rank < count; rank++) {
    const r = streams.at(rank);
    const archetype = pickWeighted(r, BIG_FLEET_ARCHETYPES);
    const [lo, hi] = pickWeighted(r, ARCHETYPE_SIZES.get(archetype)!.big!);
    archetypes[rank] = archetype;
    offsets[rank + 1] = offsets[rank]! + intBetween(r, lo, hi) - SMALL_FLEET_MAX;
  }
  return {
    share,
    totalExtra: offsets[count]!,
    ofSlot(slot) {
      const rank = Math.floor(slot * share);
      if (Math.floor((slot + 1) * share) === rank || rank >= count) return null;
      return { rank, archetype: archetypes[rank]!, extra: offsets[rank + 1]! - offsets[rank]!, offset: offsets[rank]! };
    },
  };
}
