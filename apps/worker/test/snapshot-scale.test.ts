import { randomUUID } from "node:crypto";
import { buildShard } from "@sdh/exporters";
import type { History } from "@temporalio/common/lib/proto-utils.js";
import { describe, expect, it } from "vitest";
import { SHARDS_PER_CHILD } from "../src/workflows.js";
import { snapshotInput, tmp, servicesOfThisFile } from "./snapshot-harness.js";

/** Temporal's limits: 2 MB per payload, 51,200 events and 50 MB per history. We keep far below. */
const PAYLOAD_LIMIT = 256 * 1024;
const EVENTS_LIMIT = 10_000;

/** Every payload an activity or a child workflow got or returned in a history, with its size in bytes. */
function activityPayloads(history: History): Array<{ event: number; bytes: number }> {
  const sizes: Array<{ event: number; bytes: number }> = [];
  for (const e of history.events ?? []) {
    const payloads =
      e.activityTaskScheduledEventAttributes?.input?.payloads ??
      e.activityTaskCompletedEventAttributes?.result?.payloads ??
      e.startChildWorkflowExecutionInitiatedEventAttributes?.input?.payloads ??
      e.childWorkflowExecutionCompletedEventAttributes?.result?.payloads ??
      [];
    for (const p of payloads) sizes.push({ event: Number(e.eventId), bytes: (p.data?.length ?? 0) + Object.values(p.metadata ?? {}).reduce((n: number, m) => n + (m as Uint8Array).length, 0) });
  }
  return sizes;
}

describe("snapshotWorkflow at scale (real Temporal dev server)", () => {
  const services = servicesOfThisFile();

  it("runs 2,000 shards through child workflows, every payload small and every history within limits", async () => {
    const taskQueue = `test-${randomUUID()}`;
    // One person per shard: 2,000 shard activities, as many as a 100M-person snapshot at the default 50,000 per shard.
    const input = snapshotInput({ records: 2_000, seed: 24, shardSize: 1, formats: ["csv"] }, tmp(), { maxParallelShards: 64 });
    const worker = await services().worker(taskQueue, { stagingRoot: tmp(), buildShard: (task, onProgress) => buildShard(task, { onProgress }) }, 32);
    const handle = await services().start(taskQueue, input);
    const result = await worker.runUntil(handle.result());
    expect(result.counts.households).toBe(2_000);

    const parent = await handle.fetchHistory();
    const children = (parent.events ?? []).filter((e) => e.childWorkflowExecutionCompletedEventAttributes).map((e) => e.childWorkflowExecutionCompletedEventAttributes!.workflowExecution!);
    expect(children).toHaveLength(2_000 / SHARDS_PER_CHILD);
    const histories = [parent, ...(await Promise.all(children.map((c) => services().client.workflow.getHandle(c.workflowId!, c.runId!).fetchHistory())))];
    for (const history of histories) {
      expect(history.events!.length).toBeLessThan(EVENTS_LIMIT);
      const largest = Math.max(...activityPayloads(history).map((p) => p.bytes), 0);
      expect(largest).toBeLessThan(PAYLOAD_LIMIT);
    }
    // The parent hands each child a range, not a list of shards: its payloads do not grow with the shard count.
    expect(Math.max(...activityPayloads(parent).map((p) => p.bytes))).toBeLessThan(4_096);
    // The shard activities' payloads do not grow with the records: a shard's reference and its counts.
    const shardPayloads = activityPayloads(histories[1]!).map((p) => p.bytes);
    expect(Math.max(...shardPayloads)).toBeLessThan(2_048);
  }, 600_000);
});
