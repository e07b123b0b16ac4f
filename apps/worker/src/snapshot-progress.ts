import { defaultPayloadConverter } from "@temporalio/common";
import type { WorkflowHandle } from "@temporalio/client";
import type { SnapshotProgress } from "./snapshot-types.js";

/**
 * A running build's progress as an operator should see it: the workflow's `progress` query counts a
 * shard's root records when the shard ends; the shards still building report theirs in their
 * heartbeats (`{ records }`), which this adds, so the count moves inside a shard too. Null when no
 * worker answered the query. (Shards of child workflows, above 500 shards, count when they end.)
 */
export async function liveProgress(handle: WorkflowHandle): Promise<SnapshotProgress | null> {
  const [progress, description] = await Promise.all([handle.query<SnapshotProgress>("progress").catch(() => null), handle.describe().catch(() => null)]);
  if (!progress || progress.step !== "generate" || !description) return progress;
  let building = 0;
  for (const pending of description.raw.pendingActivities ?? []) {
    if (pending.activityType?.name !== "generateShard") continue;
    const payload = pending.heartbeatDetails?.payloads?.[0];
    const details = payload ? defaultPayloadConverter.fromPayload<{ records?: unknown }>(payload) : undefined;
    if (typeof details?.records === "number" && details.records > 0) building += details.records;
  }
  return { ...progress, recordsDone: Math.min(progress.recordsTotal, progress.recordsDone + building) };
}
