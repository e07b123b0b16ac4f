import { Entity, ROOT_ENTITY, type Counts } from "@sdh/schemas";

/** "200 households · 311 persons · 380 vehicles · 311 profiles": every entity a snapshot counts, in the declared order. */
export function countsLine(counts: Counts): string {
  return Entity.options.flatMap((e) => (counts[e] === undefined ? [] : [`${counts[e]} ${e}`])).join(" · ");
}

/** What config.records counts, for progress lines: "households". */
export const RECORDS_NAME = ROOT_ENTITY;
