import type { Counts } from "@sdh/schemas";

/** "200 households · 311 persons · 380 vehicles · 311 profiles": every entity a snapshot counts, in the declared order. */
export function countsLine(counts: Counts): string {
  return Object.entries(counts)
    .map(([e, n]) => `${n} ${e}`)
    .join(" · ");
}
