import { addMonthsToDay, epochDayOf, formatEpochDay } from "@sdh/rules";
import { z } from "zod";
import { semanticType, type FieldContext } from "./semantic-type.js";

// Dates and times, between bounds written as dates or relative to the snapshot's asOf ("asOf",
// "-3y", "-18m", "+30d"), so a nightly build's data moves with its asOf. A date can also follow another
// date of the record by a number of days (an order ships 1-7 days after it is placed).

/** `2024-05-01`, `asOf`, or an offset from asOf: `-3y`, `-18m`, `+30d`. */
export const DateBound = z.string().regex(/^(\d{4}-\d{2}-\d{2}|asOf|[+-]\d{1,4}[dmy])$/, "a date (2024-05-01), asOf, or an offset from asOf such as -3y, -18m or +30d");

/** The epoch day a bound names. */
export function dayOf(bound: string, asOf: string): number {
  const base = epochDayOf(asOf);
  if (bound === "asOf") return base;
  const offset = /^([+-])(\d+)([dmy])$/.exec(bound);
  if (!offset) return epochDayOf(bound);
  const n = Number(offset[2]) * (offset[1] === "-" ? -1 : 1);
  return offset[3] === "d" ? base + n : addMonthsToDay(base, offset[3] === "m" ? n : n * 12);
}

const after = z.strictObject({ field: z.string(), days: z.strictObject({ min: z.number().int().min(0).max(36_500), max: z.number().int().min(0).max(36_500) }).refine((d) => d.min <= d.max, "min must not exceed max") });
const quantiles = z
  .array(z.iso.date())
  .min(2)
  .max(1_001)
  .refine((q) => q.every((d, i) => i === 0 || d >= q[i - 1]!), "quantiles must be in ascending order")
  .describe("An empirical distribution: days at equally spaced quantiles (first, …, last), ascending; drawn by interpolating between them");
const dateParams = z
  .strictObject({ min: DateBound.optional(), max: DateBound.optional(), quantiles: quantiles.optional(), after: after.optional().describe("Days after another date field of the record (null when that one is null)") })
  .refine((p) => [p.after !== undefined, p.quantiles !== undefined, p.min !== undefined || p.max !== undefined].filter(Boolean).length === 1 && (p.min !== undefined) === (p.max !== undefined), "give min and max, or quantiles, or after: { field, days: { min, max } }");

/** A day between the bounds (both included), or after another field's date. */
function dayFor(ctx: FieldContext, p: z.infer<typeof dateParams>): number | null {
  if (p.after) {
    const from = ctx.value(p.after.field);
    if (typeof from !== "string") return null;
    return epochDayOf(from.slice(0, 10)) + p.after.days.min + Math.floor(ctx.random.next() * (p.after.days.max - p.after.days.min + 1));
  }
  if (p.quantiles) {
    const at = ctx.random.next() * (p.quantiles.length - 1);
    const i = Math.floor(at);
    const [a, b] = [epochDayOf(p.quantiles[i]!), epochDayOf(p.quantiles[Math.min(i + 1, p.quantiles.length - 1)]!)];
    return Math.floor(a + (b - a) * (at - i));
  }
  const lo = dayOf(p.min!, ctx.asOf);
  const hi = dayOf(p.max!, ctx.asOf);
  return Math.min(lo, hi) + Math.floor(ctx.random.next() * (Math.abs(hi - lo) + 1));
}

const clock = (seconds: number) => [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, "0")).join(":");

export const DATE_TYPES = [
  semanticType({
    name: "date",
    group: "dates",
    copula: () => true,
    description: "A day between min and max (dates, asOf or offsets from it), from quantiles (an empirical distribution of days), or `after` another date of the record by a number of days",
    example: "{ type: date, min: -2y, max: asOf }",
    params: dateParams,
    dependsOn: (p) => (p.after ? [p.after.field] : []),
    schema: () => z.iso.date(),
    make: (p) => (ctx) => {
      const day = dayFor(ctx, p);
      return day === null ? null : formatEpochDay(day);
    },
  }),
  semanticType({
    name: "timestamp",
    group: "dates",
    copula: () => true,
    description: "A moment (UTC, to the second) on a day between min and max, from quantiles of days, or `after` another date or timestamp of the record",
    example: "{ type: timestamp, min: -90d, max: asOf }",
    params: dateParams,
    dependsOn: (p) => (p.after ? [p.after.field] : []),
    schema: () => z.iso.datetime(),
    make: (p) => (ctx) => {
      const day = dayFor(ctx, p);
      return day === null ? null : `${formatEpochDay(day)}T${clock(Math.floor(ctx.random.next() * 86_400))}Z`;
    },
  }),
  semanticType({
    name: "year",
    group: "dates",
    copula: () => true,
    description: "A year between min and max (years, or offsets from asOf's year such as -20y)",
    example: "{ type: year, min: -25y, max: asOf }",
    params: z.strictObject({ min: z.union([z.number().int().min(1000).max(9999), DateBound]), max: z.union([z.number().int().min(1000).max(9999), DateBound]) }),
    schema: () => z.number().int().min(1000).max(9999),
    make: (p) => (ctx) => {
      const yearOf = (b: number | string) => (typeof b === "number" ? b : Number(formatEpochDay(dayOf(b, ctx.asOf)).slice(0, 4)));
      const [lo, hi] = [yearOf(p.min), yearOf(p.max)].sort((a, b) => a - b);
      return lo! + Math.floor(ctx.random.next() * (hi! - lo! + 1));
    },
  }),
  semanticType({
    name: "time",
    group: "dates",
    description: "A time of day, HH:MM:SS, between from and to (default the whole day)",
    example: "{ type: time, from: '08:00:00', to: '18:00:00' }",
    params: z.strictObject({ from: z.iso.time({ precision: 0 }).optional(), to: z.iso.time({ precision: 0 }).optional() }),
    schema: () => z.iso.time({ precision: 0 }),
    make: (p) => {
      const seconds = (t: string) => t.split(":").reduce((n, part) => n * 60 + Number(part), 0);
      const lo = seconds(p.from ?? "00:00:00");
      const hi = seconds(p.to ?? "23:59:59");
      return (ctx) => clock(Math.min(lo, hi) + Math.floor(ctx.random.next() * (Math.abs(hi - lo) + 1)));
    },
  }),
];
