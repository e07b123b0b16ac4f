import { UsageError } from "./usage-error.js";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS, base: 1 },
  { name: "day of week", min: 0, max: 7, names: DAYS, base: 0 },
] as const;
const MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

/**
 * Checks a 5-field cron expression (minute hour day-of-month month day-of-week; `*`, lists, ranges,
 * steps and JAN-DEC / SUN-SAT names) or a macro such as @daily, as Temporal schedules read them. The
 * server would reject a bad one too, but with a message that does not say which field is wrong.
 */
export function checkCron(expression: string): string {
  const cron = expression.trim();
  const fail = (why: string) => new UsageError(`--cron "${expression}": ${why}; expected 5 fields "minute hour day-of-month month day-of-week", e.g. "0 2 * * *" (02:00 daily), or ${MACROS.join(", ")}`);
  if (cron.startsWith("@")) {
    if (!MACROS.includes(cron)) throw fail(`unknown macro ${cron}`);
    return cron;
  }
  const parts = cron.split(/\s+/);
  if (parts.length !== 5) throw fail(`${parts.length} field(s)`);
  parts.forEach((part, i) => {
    const field = FIELDS[i]!;
    for (const item of part.split(",")) {
      const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
      if (!m) throw fail(`${field.name} '${item}' is not a value, range, list or step`);
      if (m[2] !== undefined && Number(m[2]) < 1) throw fail(`${field.name} step '/${m[2]}' must be ≥ 1`);
      if (m[1] === "*") continue;
      for (const bound of m[1]!.split("-")) {
        const value = valueOf(bound, field);
        if (value === null || value < field.min || value > field.max) throw fail(`${field.name} ${bound} is out of range ${field.min}-${field.max}`);
      }
    }
  });
  return parts.join(" ");
}

function valueOf(text: string, field: (typeof FIELDS)[number]): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if ("names" in field) {
    const index = (field.names as readonly string[]).indexOf(text.toUpperCase());
    if (index >= 0) return index + field.base;
  }
  return null;
}
