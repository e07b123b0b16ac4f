import { addYears, type CalendarDate, fromEpochDay, intBetween, pickWeighted, toEpochDay } from "@sdh/rules";
import { LICENSING_DELAY_YEARS } from "./reference/distributions.js";
import type { Random } from "@sdh/rules";

/** Birth dates and first-licence days relative to asOf, shared by every rule that makes a person. */
export interface LifeDates {
  /** A birth date that makes the person exactly `age` whole years old at asOf. */
  birthFor(r: Random, age: number): CalendarDate;
  /** The epoch day of a first licence: on the 16th birthday or after the usual delay, never after asOf. */
  licenceDayFor(r: Random, birth: CalendarDate): number;
}

export function createLifeDates(asOf: CalendarDate): LifeDates {
  const asOfDay = toEpochDay(asOf);
  // The birth-day bounds of each age, computed once (asked once per person).
  const birthBounds = new Map<number, readonly [number, number]>();
  const boundsOf = (age: number) => {
    let bounds = birthBounds.get(age);
    if (!bounds) {
      bounds = [toEpochDay(addYears(asOf, -age - 1)) + 1, toEpochDay(addYears(asOf, -age))];
      birthBounds.set(age, bounds);
    }
    return bounds;
  };
  return {
    birthFor(r, age) {
      // Born between (asOf - age - 1 year, asOf - age years]: exactly `age` whole years old at asOf.
      const [earliest, latest] = boundsOf(age);
      return fromEpochDay(intBetween(r, earliest, latest));
    },
    licenceDayFor(r, birth) {
      // On the 16th birthday or after the usual delay; when that delay would pass asOf (the young),
      // any day from the 16th birthday to asOf — never a pile-up on asOf itself.
      const licensedFrom = toEpochDay(addYears(birth, 16));
      const delayed = licensedFrom + pickWeighted(r, LICENSING_DELAY_YEARS) * 365 + intBetween(r, 0, 364);
      return delayed <= asOfDay ? delayed : intBetween(r, licensedFrom, asOfDay);
    },
  };
}
