/**
 * The step that raised a worker's memory to its peak, read from the worker's JSON log: each activity's
 * end line carries the worker's peak RSS so far (apps/worker's activity logging), so the first one
 * that reached the worker's final peak (within 1 MB: the two are read at different moments) names the
 * step. Null when none did: the peak came after the last activity ended, or the log holds no step ends.
 */
export function peakStepOf(log: string, peakRssMb: number): string | null {
  for (const line of log.split("\n")) {
    if (!line.startsWith("{") || !line.includes('"activity ')) continue;
    let entry: { msg?: unknown; activityType?: unknown; peakRssMb?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.msg !== "activity completed" && entry.msg !== "activity failed") continue;
    if (typeof entry.peakRssMb === "number" && typeof entry.activityType === "string" && entry.peakRssMb >= peakRssMb - 1) return entry.activityType;
  }
  return null;
}
