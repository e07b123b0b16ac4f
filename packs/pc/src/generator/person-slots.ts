import { createPermutation } from "@sdh/rules";
import { STATES, type StateReference } from "./reference/states.js";

export interface PersonSlot {
  /** A keyed permutation of the household index over [0, records): unique per household. */
  slot: number;
  /** The state whose run of slots holds this one: the person's licence state. */
  state: StateReference;
  /** The slot's place in its state's run: unique among that state's licence holders. */
  stateIndex: number;
  /** How many slots the state's run holds. */
  size: number;
}

/**
 * Each household's slot: a keyed permutation of the index over [0, records), with each state owning a run
 * of slots in proportion to its population. Identifiers that must be unique come from slots (licence
 * numbers within the state's run, email addresses, business names, USDOT numbers, VIN serials), so
 * they are unique by construction in every shard — even in states whose formats hold only 10^7 values.
 */
export interface PersonSlots {
  slotOf(i: number): PersonSlot;
}

export function createPersonSlots(records: number, seed: number): PersonSlots {
  const order = createPermutation(records, seed ^ 0x51a7e);
  const total = STATES.reduce((sum, s) => sum + s.population, 0);
  const starts = new Float64Array(STATES.length + 1);
  let cumulative = 0;
  STATES.forEach((s, k) => {
    starts[k] = Math.floor((cumulative / total) * records);
    cumulative += s.population;
  });
  starts[STATES.length] = records;
  // The vehicle rule asks for the slot of the person the person rule just built: keep the last one.
  let lastIndex = -1;
  let last: PersonSlot | null = null;
  return {
    slotOf(i) {
      if (i === lastIndex && last) return last;
      const slot = order(i);
      let lo = 0;
      let hi = STATES.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= slot) lo = mid;
        else hi = mid - 1;
      }
      last = { slot, state: STATES[lo]!, stateIndex: slot - starts[lo]!, size: starts[lo + 1]! - starts[lo]! };
      lastIndex = i;
      return last;
    },
  };
}
