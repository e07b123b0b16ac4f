import type { LogEntry } from "@temporalio/worker";

/** Log metadata not worth a line's width: the task token is an opaque blob. */
const DROPPED = new Set(["taskToken"]);

/** Writes a Temporal SDK log entry as one JSON object per line on stdout, for log shippers. */
export function jsonLogLine({ level, message, timestampNanos, meta }: LogEntry): void {
  const fields = Object.fromEntries(Object.entries(meta ?? {}).filter(([key]) => !DROPPED.has(key)));
  process.stdout.write(`${JSON.stringify({ time: new Date(Number(timestampNanos / 1_000_000n)).toISOString(), level, msg: message, ...fields })}\n`);
}
