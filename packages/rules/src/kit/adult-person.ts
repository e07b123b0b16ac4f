import { addYears, formatEpochDay, fromEpochDay, parseIsoDate, toEpochDay, type CalendarDate } from "../dates.js";
import { givenNamesFor } from "../given-names.js";
import type { Random } from "../random.js";
import { ACCENTED_SHARE } from "../reference/name-forms.js";
import { SURNAMES } from "../reference/names.js";
import { pickIndex } from "../sampling.js";

// The kit's person (ADR 0016, issue 34): a sex, a birth date for an age at asOf, first and middle
// names given to babies of that sex in that decade (SSA), a surname as frequent as in the Census 2010
// list (its accented form as often as the list has it), and the plain letters an email is made of.

export interface KitPerson {
  sex: "F" | "M";
  birth: CalendarDate;
  /** YYYY-MM-DD. */
  birthDate: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  /** The names as an email writes them: lowercase letters only (García → garcia). */
  firstEmail: string;
  lastEmail: string;
}

/**
 * A person aged `minAge` to `maxAge` (whole years) at asOf, every birth day in that span equally likely;
 * half women, half men unless `sex` says (a rule).
 */
export function adultPerson(r: Random, options: { asOf: string; minAge: number; maxAge: number; sex?: "F" | "M" }): KitPerson {
  const asOf = parseIsoDate(options.asOf);
  const sex = options.sex ?? (r.next() < 0.5 ? "F" : "M");
  // Born after asOf's date maxAge + 1 years back, on or before it minAge years back.
  const from = toEpochDay(addYears(asOf, -(options.maxAge + 1))) + 1;
  const to = toEpochDay(addYears(asOf, -options.minAge));
  const day = from + Math.floor(r.next() * Math.max(1, to - from + 1));
  const birth = fromEpochDay(day);
  const { names, firstIndex, first_name, middle_name } = givenNamesFor(r, sex, birth.year);
  const surname = pickIndex(r, SURNAMES);
  const accented = SURNAMES.accented[surname];
  return {
    sex,
    birth,
    birthDate: formatEpochDay(day),
    first_name,
    middle_name,
    last_name: accented && r.next() < ACCENTED_SHARE ? accented : SURNAMES.items[surname]!,
    firstEmail: names.emailParts[firstIndex]!,
    lastEmail: SURNAMES.emailParts[surname]!,
  };
}
