// Calendar dates in a time zone, for schedules: a nightly run's date is the date on the schedule's
// clock, not UTC's (02:00 in Berlin is still the previous day in UTC for part of the year).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `timeZone` is an IANA zone this runtime knows (e.g. UTC, Europe/Berlin). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) of `instant` on the clock of `timeZone`. */
export function dateIn(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The instant a calendar date begins in `timeZone` (its local midnight). */
export function startOfDay(date: string, timeZone: string): Date {
  if (!isCalendarDate(date)) throw new RangeError(`'${date}' is not a date YYYY-MM-DD`);
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Local midnight = UTC midnight minus the zone's offset then; twice, in case the offset changes in between.
  let guess = utcMidnight - offsetMs(new Date(utcMidnight), timeZone);
  guess = utcMidnight - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The day after a calendar date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** How far `timeZone`'s clock is ahead of UTC at `instant`, in ms. */
function offsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
