import type { Random } from "./random.js";
import { firstNamesFor, type NameTable } from "./reference/names.js";
import { pickIndex, pickWeighted } from "./sampling.js";

/** Share of persons with a middle name (a rule). */
export const MIDDLE_NAME_SHARE = 0.7;

export interface GivenNames {
  /** The first-name table drawn from, and the first name's index in it (its email part sits at the same index). */
  names: NameTable;
  firstIndex: number;
  first_name: string;
  middle_name: string | null;
}

/** First and middle name by sex and birth year (SSA tables by decade); a middle name equal to the first is dropped. */
export function givenNamesFor(r: Random, sex: "F" | "M", birthYear: number): GivenNames {
  const names = firstNamesFor(sex, birthYear);
  const firstIndex = pickIndex(r, names);
  const first_name = names.items[firstIndex]!;
  const middle = r.next() < MIDDLE_NAME_SHARE ? pickWeighted(r, names) : null;
  return { names, firstIndex, first_name, middle_name: middle === first_name ? null : middle };
}
