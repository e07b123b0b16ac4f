import { formatEpochDay, type Random } from "@sdh/rules";
import { DateBound, dayOf } from "./types/dates.js";

// Deliberate outliers (QA needs bad-but-plausible data too): a share of a field's records takes a
// value from a range of its own, outside the field's usual one: an order of 40,000 units, a birth
// date in 1901. The gate's schema for the field widens to take them; the draw has streams of its own,
// so adding outliers never moves the other records' values.

export const OUTLIER_TYPES = ["integer", "decimal", "money", "date", "timestamp"] as const;

export interface Outliers {
  rate: number;
  min: number | string;
  max: number | string;
}

export interface OutlierRule {
  rate: number;
  /** The field's settings with min and max widened to take the outliers (numbers), for its schema. */
  widened: Record<string, unknown>;
  make(r: Random, asOf: string): number | string;
}

const round = (x: number, places: number) => {
  const f = 10 ** places;
  const y = Math.round(x * f) / f;
  return Object.is(y, -0) ? 0 : y;
};

/** The rule of a field's outliers, or a message saying what is wrong and what is allowed. */
export function outlierRule(type: string, params: Record<string, unknown>, o: Outliers): OutlierRule | string {
  if (!(OUTLIER_TYPES as readonly string[]).includes(type)) return `outliers are for the types ${OUTLIER_TYPES.join(", ")}`;
  if (type === "date" || type === "timestamp") {
    if (typeof o.min !== "string" || typeof o.max !== "string" || !DateBound.safeParse(o.min).success || !DateBound.safeParse(o.max).success) return "a date field's outliers have min and max as dates (1901-01-01), asOf or offsets (-120y)";
    const [min, max] = [o.min, o.max];
    return {
      rate: o.rate,
      widened: params,
      make: (r, asOf) => {
        const [lo, hi] = [dayOf(min, asOf), dayOf(max, asOf)].sort((a, b) => a - b);
        const day = formatEpochDay(lo! + Math.floor(r.next() * (hi! - lo! + 1)));
        return type === "date" ? day : `${day}T${String(Math.floor(r.next() * 24)).padStart(2, "0")}:${String(Math.floor(r.next() * 60)).padStart(2, "0")}:00Z`;
      },
    };
  }
  if (typeof o.min !== "number" || typeof o.max !== "number" || o.min > o.max) return "a number field's outliers have min and max as numbers, min not above max";
  const [min, max] = [o.min, o.max];
  const places = type === "integer" ? 0 : type === "money" ? 2 : ((params.scale as number | undefined) ?? 2);
  const own = params as { min?: number; max?: number };
  return {
    rate: o.rate,
    widened: { ...params, min: Math.min(own.min ?? min, min), max: Math.max(own.max ?? max, max) },
    make: (r) => round(min + r.next() * (max - min), places),
  };
}
