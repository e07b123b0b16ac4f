import { addYears, type CalendarDate, fromEpochDay, intBetween, pickWeighted, toEpochDay } from "@sdh/rules";
import { LICENSING_DELAY_YEARS, minimumLicensingAge } from "./reference/licensing.js";
import type { Random } from "@sdh/rules";

/** Birth dates and first-licence days relative to asOf, shared by every rule that makes a person. */
export interface LifeDates {
  /** A birth date that makes the person exactly `age` whole years old at asOf. */
  birthFor(r: Random, age: number): CalendarDate;
  /**
   * The epoch day of a first licence from `licenceState`: the state's minimum age plus the licensing
   * delay. It may lie after asOf (not licensed yet): the caller decides what that means.
   */
  firstLicenceDay(r: Random, birth: CalendarDate, licenceState: string): number;
  /**
   * The first licence of someone who holds one at asOf (a named insured): firstLicenceDay, or, when that
   * lies after asOf, any day from the minimum age to asOf — never a pile-up on asOf itself.
   */
  heldLicenceDay(r: Random, birth: CalendarDate, licenceState: string): number;
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
  const eligibleDay = (birth: CalendarDate, licenceState: string) => toEpochDay(addYears(birth, minimumLicensingAge(licenceState)));
  const firstLicenceDay = (r: Random, birth: CalendarDate, licenceState: string) =>
    eligibleDay(birth, licenceState) + pickWeighted(r, LICENSING_DELAY_YEARS) * 365 + intBetween(r, 0, 364);
  return {
    birthFor(r, age) {
      // Born between (asOf - age - 1 year, asOf - age years]: exactly `age` whole years old at asOf.
      const [earliest, latest] = boundsOf(age);
      return fromEpochDay(intBetween(r, earliest, latest));
    },
    firstLicenceDay,
    heldLicenceDay(r, birth, licenceState) {
      const day = firstLicenceDay(r, birth, licenceState);
      return day <= asOfDay ? day : intBetween(r, Math.min(eligibleDay(birth, licenceState), asOfDay), asOfDay);
    },
  };
}
