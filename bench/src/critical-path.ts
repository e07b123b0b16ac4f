/**
 * The critical path of a workflow run, from its history (issue 37: "report the critical path from
 * the workflow history"): on a machine whose workers share two cores, wall time says little about
 * what more machines would give, but the chain of activities each of which waited for the one before
 * does. Works on a fetched history (proto objects: Long ids, Timestamp times) and on its JSON form.
 */

type Id = string | number | { toString(): string } | null | undefined;
type Time = string | { seconds?: number | { toNumber(): number } | null; nanos?: number | null } | null | undefined;
interface HistoryEvent {
  eventId?: Id;
  eventTime?: Time;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string | null } | null; activityId?: string | null } | null;
  activityTaskStartedEventAttributes?: { scheduledEventId?: Id } | null;
  activityTaskCompletedEventAttributes?: { scheduledEventId?: Id } | null;
  activityTaskFailedEventAttributes?: { scheduledEventId?: Id } | null;
  activityTaskTimedOutEventAttributes?: { scheduledEventId?: Id } | null;
  activityTaskCanceledEventAttributes?: { scheduledEventId?: Id } | null;
}

export interface ActivitySpan {
  type: string;
  activityId: string;
  /**
   * Milliseconds since the epoch: scheduled by the workflow, started by a worker (its last attempt; a
   * task waits in the queue until a worker has a free slot), closed (completed, failed, timed out or
   * cancelled).
   */
  scheduled: number;
  started: number;
  closed: number;
}

function millis(time: Time): number {
  if (typeof time === "string") return Date.parse(time);
  const seconds = time?.seconds;
  const whole = typeof seconds === "object" && seconds !== null ? seconds.toNumber() : Number(seconds ?? 0);
  return whole * 1000 + (time?.nanos ?? 0) / 1e6;
}

/** Every activity attempt chain of the run, from scheduled to closed (retries inside one span). */
export function activitySpans(history: { events?: HistoryEvent[] | null }): ActivitySpan[] {
  const scheduled = new Map<string, { type: string; activityId: string; at: number; started: number | null }>();
  const spans: ActivitySpan[] = [];
  for (const event of history.events ?? []) {
    const s = event.activityTaskScheduledEventAttributes;
    if (s) scheduled.set(String(event.eventId), { type: s.activityType?.name ?? "?", activityId: s.activityId ?? "", at: millis(event.eventTime), started: null });
    const started = event.activityTaskStartedEventAttributes && scheduled.get(String(event.activityTaskStartedEventAttributes.scheduledEventId));
    if (started) started.started = millis(event.eventTime);
    const closed = event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes ?? event.activityTaskCanceledEventAttributes;
    const of = closed && scheduled.get(String(closed.scheduledEventId));
    if (of) spans.push({ type: of.type, activityId: of.activityId, scheduled: of.at, started: of.started ?? of.at, closed: millis(event.eventTime) });
  }
  return spans;
}

export interface CriticalPath {
  /** The chain, first to last: each activity was scheduled only after the one before it closed. */
  path: ActivitySpan[];
  /** From the first activity's scheduling to the last one's close. */
  seconds: number;
  /** The activity that ran longest, started to closed (its time in the queue left out). */
  longest: { type: string; activityId: string; seconds: number } | null;
  /** Seconds of the path per activity type, scheduled to closed, in path order ("generateShard" 31.2, "exportSnapshot" 5.1 ...). */
  byType: Array<{ type: string; activities: number; seconds: number }>;
}

/**
 * Walks back from the activity that closed last: its predecessor is the activity that closed last
 * before it was scheduled (what it waited for). Lanes of shards give the lane that ended last; the
 * whole-snapshot steps follow one another.
 */
export function criticalPath(spans: readonly ActivitySpan[]): CriticalPath {
  if (spans.length === 0) return { path: [], seconds: 0, longest: null, byType: [] };
  const byClose = [...spans].sort((a, b) => a.closed - b.closed);
  const path: ActivitySpan[] = [byClose.at(-1)!];
  for (;;) {
    const current = path[0]!;
    const before = byClose.filter((s) => s !== current && s.closed <= current.scheduled).at(-1);
    if (!before) break;
    path.unshift(before);
  }
  const longest = spans.reduce((a, b) => (b.closed - b.started > a.closed - a.started ? b : a));
  const byType: CriticalPath["byType"] = [];
  for (const s of path) {
    const last = byType.at(-1);
    const seconds = (s.closed - s.scheduled) / 1000;
    if (last?.type === s.type) {
      last.activities++;
      last.seconds += seconds;
    } else byType.push({ type: s.type, activities: 1, seconds });
  }
  return { path, seconds: (path.at(-1)!.closed - path[0]!.scheduled) / 1000, longest: { type: longest.type, activityId: longest.activityId, seconds: (longest.closed - longest.started) / 1000 }, byType };
}
