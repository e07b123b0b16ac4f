import { addMonthsToDay, epochDayOf, formatEpochDay } from "@sdh/rules";

// The functions an expression may call: each with the types it takes, the type it gives, and what it
// does. A null argument gives null (SQL's rule) except where a function is about nulls (coalesce,
// if's branches, concat, count). Dates are ISO text (YYYY-MM-DD), timestamps ISO UTC to the second.

export type ValueType = "number" | "text" | "date" | "timestamp" | "boolean" | "null";
export type Value = number | string | boolean | null;

export interface FunctionSpec {
  /** What it does, for the reference. */
  description: string;
  /** The result type for these argument types, or a message saying what it takes. */
  check(args: readonly ValueType[]): ValueType | string;
  run(args: readonly Value[]): Value;
  /** Aggregates read a child entity's records: their first argument is `child.field` (or `child` for count). */
  aggregate?: true;
}

const isDateLike = (t: ValueType) => t === "date" || t === "timestamp" || t === "null";
const accepts = (t: ValueType, want: ValueType) => t === want || t === "null";
const finite = (x: number): number | null => (Number.isFinite(x) ? (Object.is(x, -0) ? 0 : x) : null);
const anyNull = (args: readonly Value[]) => args.some((a) => a === null);

function numeric(name: string, arity: [number, number], f: (...xs: number[]) => number, description: string): FunctionSpec {
  return {
    description,
    check: (args) => (args.length < arity[0] || args.length > arity[1] ? `${name} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} number${arity[1] === 1 ? "" : "s"}` : args.every((t) => accepts(t, "number")) ? "number" : `${name} takes numbers`),
    run: (args) => (anyNull(args) ? null : finite(f(...(args as number[])))),
  };
}

const day = (v: Value) => epochDayOf(String(v).slice(0, 10));
const clockOf = (v: Value) => (String(v).length > 10 ? String(v).slice(10) : "");

function aggregate(name: string, description: string, reduce: (xs: number[]) => number | null): FunctionSpec {
  return {
    description,
    aggregate: true,
    check: (args) => (args.length === 1 && accepts(args[0]!, "number") ? "number" : `${name} takes one number field of a child entity: ${name}(order_lines.amount)`),
    run: (args) => reduce((args[0] as unknown as Value[]).filter((x): x is number => typeof x === "number")),
  };
}

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  if: {
    description: "if(condition, then, else): else when the condition is false or null",
    check: (args) => {
      if (args.length !== 3 || !accepts(args[0]!, "boolean")) return "if takes a condition and two values: if(quantity > 10, 'bulk', 'retail')";
      const [a, b] = [args[1]!, args[2]!];
      return a === "null" ? b : b === "null" || a === b ? a : `if's two values must be of one type (got ${a} and ${b})`;
    },
    run: ([c, a, b]) => (c === true ? a! : b!),
  },
  coalesce: {
    description: "coalesce(a, b, …): the first that is not null",
    check: (args) => {
      const types = [...new Set(args.filter((t) => t !== "null"))];
      return args.length < 1 ? "coalesce takes one or more values" : types.length <= 1 ? (types[0] ?? "null") : `coalesce's values must be of one type (got ${types.join(", ")})`;
    },
    run: (args) => args.find((a) => a !== null) ?? null,
  },
  round: {
    description: "round(x, places): x rounded half away from zero to places decimals (default 0)",
    check: (args) => (args.length >= 1 && args.length <= 2 && args.every((t) => accepts(t, "number")) ? "number" : "round takes a number and, optionally, a number of places"),
    run: ([x, places]) => {
      if (x === null || places === null) return null;
      const f = 10 ** Math.max(0, Math.min(9, Math.trunc((places as number | undefined) ?? 0)));
      return finite((Math.sign(x as number) * Math.round(Math.abs(x as number) * f)) / f);
    },
  },
  floor: numeric("floor", [1, 1], Math.floor, "floor(x): the largest whole number not above x"),
  ceil: numeric("ceil", [1, 1], Math.ceil, "ceil(x): the smallest whole number not below x"),
  abs: numeric("abs", [1, 1], Math.abs, "abs(x)"),
  min: numeric("min", [2, 20], Math.min, "min(a, b, …): the smallest"),
  max: numeric("max", [2, 20], Math.max, "max(a, b, …): the largest"),
  concat: {
    description: "concat(a, b, …): the values as text, joined (a null adds nothing)",
    check: (args) => (args.length >= 1 && args.length <= 20 ? "text" : "concat takes 1 to 20 values"),
    run: (args) => args.map((a) => (a === null ? "" : String(a))).join(""),
  },
  text: {
    description: "text(x): x as text",
    check: (args) => (args.length === 1 ? "text" : "text takes one value"),
    run: ([x]) => (x === null ? null : String(x)),
  },
  upper: { description: "upper(s)", check: (args) => (args.length === 1 && accepts(args[0]!, "text") ? "text" : "upper takes one text"), run: ([s]) => (s === null ? null : String(s).toUpperCase()) },
  lower: { description: "lower(s)", check: (args) => (args.length === 1 && accepts(args[0]!, "text") ? "text" : "lower takes one text"), run: ([s]) => (s === null ? null : String(s).toLowerCase()) },
  length: { description: "length(s): its characters", check: (args) => (args.length === 1 && accepts(args[0]!, "text") ? "number" : "length takes one text"), run: ([s]) => (s === null ? null : [...String(s)].length) },
  substr: {
    description: "substr(s, start, count): count characters from the start-th (1-based; all the rest without count)",
    check: (args) => (args.length >= 2 && args.length <= 3 && accepts(args[0]!, "text") && args.slice(1).every((t) => accepts(t, "number")) ? "text" : "substr takes a text, a start and optionally a count"),
    run: ([s, start, count]) => (anyNull([s!, start!]) || count === null ? null : [...String(s)].slice(Math.max(0, (start as number) - 1), count === undefined ? undefined : Math.max(0, (start as number) - 1) + Math.max(0, count as number)).join("")),
  },
  add_days: {
    description: "add_days(date, n): the date (or timestamp) n days later",
    check: (args) => (args.length === 2 && isDateLike(args[0]!) && accepts(args[1]!, "number") ? (args[0] === "null" ? "date" : args[0]!) : "add_days takes a date or timestamp and a number of days"),
    run: ([d, n]) => (anyNull([d!, n!]) ? null : `${formatEpochDay(day(d!) + Math.trunc(n as number))}${clockOf(d!)}`),
  },
  add_months: {
    description: "add_months(date, n): the date n months later (the 31st becomes the month's last day)",
    check: (args) => (args.length === 2 && isDateLike(args[0]!) && accepts(args[1]!, "number") ? (args[0] === "null" ? "date" : args[0]!) : "add_months takes a date or timestamp and a number of months"),
    run: ([d, n]) => (anyNull([d!, n!]) ? null : `${formatEpochDay(addMonthsToDay(day(d!), Math.trunc(n as number)))}${clockOf(d!)}`),
  },
  days_between: {
    description: "days_between(a, b): days from a to b (negative when b is earlier)",
    check: (args) => (args.length === 2 && args.every(isDateLike) ? "number" : "days_between takes two dates or timestamps"),
    run: ([a, b]) => (anyNull([a!, b!]) ? null : day(b!) - day(a!)),
  },
  year: { description: "year(date)", check: (args) => (args.length === 1 && isDateLike(args[0]!) ? "number" : "year takes a date or timestamp"), run: ([d]) => (d === null ? null : Number(String(d).slice(0, 4))) },
  month: { description: "month(date): 1-12", check: (args) => (args.length === 1 && isDateLike(args[0]!) ? "number" : "month takes a date or timestamp"), run: ([d]) => (d === null ? null : Number(String(d).slice(5, 7))) },
  day: { description: "day(date): 1-31", check: (args) => (args.length === 1 && isDateLike(args[0]!) ? "number" : "day takes a date or timestamp"), run: ([d]) => (d === null ? null : Number(String(d).slice(8, 10))) },
  date: { description: "date(timestamp): its day", check: (args) => (args.length === 1 && isDateLike(args[0]!) ? "date" : "date takes a timestamp or date"), run: ([d]) => (d === null ? null : String(d).slice(0, 10)) },
  sum: aggregate("sum", "sum(child.field): the sum over this record's children (0 when none)", (xs) => xs.reduce((s, x) => s + x, 0)),
  avg: aggregate("avg", "avg(child.field): the mean over this record's children (null when none)", (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null)),
  min_of: aggregate("min_of", "min_of(child.field): the smallest over this record's children", (xs) => (xs.length ? xs.reduce((m, x) => Math.min(m, x)) : null)),
  max_of: aggregate("max_of", "max_of(child.field): the largest over this record's children", (xs) => (xs.length ? xs.reduce((m, x) => Math.max(m, x)) : null)),
  count: {
    description: "count(child): how many children of that entity this record has",
    aggregate: true,
    check: (args) => (args.length === 1 ? "number" : "count takes one child entity: count(order_lines)"),
    run: ([records]) => (records as unknown as unknown[]).length,
  },
};
