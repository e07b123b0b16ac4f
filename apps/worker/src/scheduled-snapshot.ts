import { defaultSnapshotId } from "@sdh/exporters";
import { parseSnapshotConfig, type SnapshotConfig } from "@sdh/schemas";
import { dateIn, isCalendarDate } from "./schedule-dates.js";
import { snapshotWorkflowId } from "./snapshot-ids.js";
import type { ScheduledPlan, ScheduledSnapshot } from "./snapshot-types.js";
import { snapshotVisibility } from "./snapshot-visibility.js";

/**
 * The seed of a date-seeded snapshot: the date as the number YYYYMMDD (2026-11-20 → 20261120).
 * Readable in the snapshot id, and the same for a scheduled night and `sdh snapshot run --seed-from-date`.
 */
export function seedOfDate(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`'${date}' is not a date YYYY-MM-DD`);
  return Number(date.replaceAll("-", ""));
}

/** A config for the night of `date`: its seed and/or asOf taken from the date. */
export function configForDate(config: SnapshotConfig, date: string, { seed, asOf }: { seed: boolean; asOf: boolean }): SnapshotConfig {
  return parseSnapshotConfig({ ...config, ...(seed ? { seed: seedOfDate(date) } : {}), ...(asOf ? { asOf: date } : {}) });
}

/** What a scheduled run builds, from the time it was scheduled for; pure, so a rerun of the night plans the same. */
export function planScheduledRun(spec: ScheduledSnapshot, scheduledAt: string): ScheduledPlan {
  const date = dateIn(new Date(scheduledAt), spec.timezone);
  const config = configForDate(spec.config, date, { seed: spec.seedFromDate, asOf: spec.asOfFromDate });
  const snapshotId = defaultSnapshotId(config);
  const input = { config, snapshotId, target: spec.target, ...(spec.maxParallelShards ? { maxParallelShards: spec.maxParallelShards } : {}) };
  return { date, workflowId: snapshotWorkflowId(snapshotId), input, visibility: snapshotVisibility(input, new Set(spec.searchAttributes ?? [])) };
}
