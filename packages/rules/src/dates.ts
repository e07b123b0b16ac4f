// Calendar arithmetic on YYYY-MM-DD strings in UTC: no local time zone can shift a date.

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export function parseIsoDate(iso: string): CalendarDate {
  if (iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") throw new Error(`'${iso}' is not a YYYY-MM-DD date`);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) throw new Error(`'${iso}' is not a YYYY-MM-DD date`);
  return { year, month, day };
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date). */
export function toEpochDay({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 to a calendar date (Howard Hinnant's civil_from_days; no Date object, no zone). */
export function fromEpochDay(epochDay: number): CalendarDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** 1900-01-01 and the days from it that `formatEpochDay` keeps written: to 2099-12-31, every date a snapshot of AS_OF_RANGE holds. */
const KEPT_FROM = -25_567;
const KEPT_DAYS = 73_049;
// Filled as asked: a snapshot writes a few thousand distinct days millions of times. Kept as flat
// strings (see below), every record of a day shares one string: nothing to allocate, build or
// flatten per record. 73,049 slots stay under V8's limit for a fast (non-dictionary) holey array.
const keptDays: Array<string | undefined> = new Array<string | undefined>(KEPT_DAYS);

/** A day's text, written once per thread for the days of KEPT_FROM's window (the same characters as `formatDate`). */
export function formatEpochDay(epochDay: number): string {
  const at = epochDay - KEPT_FROM;
  if (!(at >= 0 && at < KEPT_DAYS)) return formatDate(fromEpochDay(epochDay));
  let text = keptDays[at];
  if (text === undefined) {
    // A template literal makes a rope; reading a character flattens it in place, once, before it is shared.
    text = formatDate(fromEpochDay(epochDay));
    text.charCodeAt(0);
    keptDays[at] = text;
  }
  return text;
}

/** The same calendar day `years` later; 29 February becomes 28 February in common years. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const year = date.year + years;
  const lastDay = date.month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[date.month - 1]!;
  return { year, month: date.month, day: Math.min(date.day, lastDay) };
}

/** Whole years from `from` to `to` (an age). */
export function wholeYearsBetween(from: CalendarDate, to: CalendarDate): number {
  const years = to.year - from.year;
  return to.month > from.month || (to.month === from.month && to.day >= from.day) ? years : years - 1;
}

/** Whole years from one YYYY-MM-DD string to another, without building dates (the hot path's age). */
export function wholeYearsBetweenIso(from: string, to: string): number {
  const years = digitsAt(to, 0, 4) - digitsAt(from, 0, 4);
  // MM-DD as the number MMDD: compared without cutting strings (this runs several times per record).
  return digitsAt(to, 5, 2) * 100 + digitsAt(to, 8, 2) >= digitsAt(from, 5, 2) * 100 + digitsAt(from, 8, 2) ? years : years - 1;
}

/**
 * `wholeYearsBetweenIso(from, asOf)` with asOf read once: a rule asks for ages and years licensed
 * several times per household, always as of the same day.
 */
export function wholeYearsTo(asOf: string): (from: string) => number {
  parseIsoDate(asOf); // a malformed asOf fails here, once, rather than answering nonsense
  const year = digitsAt(asOf, 0, 4);
  const monthDay = digitsAt(asOf, 5, 2) * 100 + digitsAt(asOf, 8, 2);
  return (from) => (monthDay >= digitsAt(from, 5, 2) * 100 + digitsAt(from, 8, 2) ? year : year - 1) - digitsAt(from, 0, 4);
}

/** The whole number spelled by `count` ASCII digits of `s` from `start`. */
function digitsAt(s: string, start: number, count: number): number {
  let n = 0;
  for (let k = start; k < start + count; k++) n = n * 10 + s.charCodeAt(k) - 48;
  return n;
}

/** The same day `months` later (or earlier, when negative), clamped to the month's last day: 31 August + 6 months is 28 or 29 February. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const total = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return { year, month, day: Math.min(date.day, lastDay) };
}

/** `addMonths` on epoch days. */
export function addMonthsToDay(epochDay: number, months: number): number {
  return toEpochDay(addMonths(fromEpochDay(epochDay), months));
}

/** The epoch day of a YYYY-MM-DD string. */
export function epochDayOf(iso: string): number {
  return toEpochDay(parseIsoDate(iso));
}

/**
 * The epoch day `years` after a trusted YYYY-MM-DD string (one this package wrote), 29 February
 * becoming 28 February in common years as in `addYears`: read digit by digit, for the per-record paths.
 */
export function epochDayOfIsoPlusYears(iso: string, years: number): number {
  const year = digitsAt(iso, 0, 4) + years;
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  return toEpochDay({ year, month, day: month === 2 && day === 29 && !isLeapYear(year) ? 28 : day });
}
