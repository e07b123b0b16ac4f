import { UsageError } from "./usage-error.js";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration such as 90s, 10m, 1h or 7d, in ms, at least `minMs`. */
export function durationOption(flag: string, text: string, minMs = 1_000): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(text.trim());
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : NaN;
  if (!(ms >= minMs)) throw new UsageError(`${flag} '${text}': give a duration of at least ${minMs / 1000}s, such as 90s, 10m, 1h or 7d`);
  return ms;
}
