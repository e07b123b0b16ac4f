// The scale check of snapshotWorkflow, at a size the caller picks: snapshot-scale.test.ts runs it at the
// smallest size that takes the child-workflow path, snapshot-scale.nightly.test.ts at 2,000 shards.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildShard } from "@sdh/exporters";
import type { History } from "@temporalio/common/lib/proto-utils.js";
import { expect } from "vitest";
import { SHARDS_PER_CHILD } from "../src/workflows.js";
import { snapshotInput, tmp, type servicesOfThisFile } from "./snapshot-harness.js";

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

/**
 * Runs `shards` shards of one household each through the real dev server, every shard past
 * SHARDS_PER_CHILD in child workflows, and checks every history's size and every payload's. With
 * `parts`, the snapshot has the parts layout at one household per part: as many exportPart activities
 * as shards, run in child workflows past SHARDS_PER_CHILD too.
 */
export async function checkScale(services: ReturnType<typeof servicesOfThisFile>, shards: number, { parts = false } = {}): Promise<void> {
  const taskQueue = `test-${randomUUID()}`;
  const layout = parts ? { layout: { kind: "parts" as const, roots: 1 } } : {};
  const input = snapshotInput({ records: shards, seed: 24, shardSize: 1, formats: ["csv"], ...layout }, tmp(), { maxParallelShards: 64 });
  const worker = await services().worker(taskQueue, { stagingRoot: tmp(), buildShard: (task, onProgress) => buildShard(task, { onProgress }) }, 32);
  const handle = await services().start(taskQueue, input);
  const result = await worker.runUntil(handle.result());
  expect(result.counts.households).toBe(shards);

  const parent = await handle.fetchHistory();
  const children = (parent.events ?? []).filter((e) => e.childWorkflowExecutionCompletedEventAttributes).map((e) => e.childWorkflowExecutionCompletedEventAttributes!.workflowExecution!);
  const batches = Math.ceil(shards / SHARDS_PER_CHILD);
  expect(children.map((c) => c.workflowId!.replace(/.*-(shards|parts)-\d+$/, "$1"))).toEqual([...Array<string>(batches).fill("shards"), ...Array<string>(parts ? batches : 0).fill("parts")]);
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
  if (parts) {
    // Nor do the parts': a part's reference in, its files' names, sizes and digests out.
    const partHistory = histories[batches + 1]!;
    const exportParts = (partHistory.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === "exportPart");
    expect(exportParts).toHaveLength(Math.min(shards, SHARDS_PER_CHILD));
    expect(Math.max(...activityPayloads(partHistory).map((p) => p.bytes))).toBeLessThan(4_096);
    // One published CSV per part and entity.
    expect(readdirSync(join(result.location, "households")).filter((f) => f.endsWith(".csv"))).toHaveLength(shards);
  }
}
