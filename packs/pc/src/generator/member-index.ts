import type { Person } from "../schemas/index.js";

/** The index in a household's `persons` (a handful) of the member with this id; -1 when none is. */
export function memberIndex(persons: readonly Person[], personId: string): number {
  for (let m = 0; m < persons.length; m++) if (persons[m]!.person_id === personId) return m;
  return -1;
}
