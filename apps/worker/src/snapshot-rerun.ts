import { RERUN_STEPS } from "./cli-constants.js";
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from "@temporalio/client";
import { defaultPayloadConverter } from "@temporalio/common";
import { registeredSearchAttributes, snapshotVisibility, visibilityOptions } from "./snapshot-visibility.js";
import type { RerunStep, SnapshotInput, SnapshotResult } from "./snapshot-types.js";

export { RERUN_STEPS };

export class RerunError extends Error {
  constructor(
    message: string,
    /** "usage": the request cannot be served as asked (unknown id, still running); "failed": anything else. */
    readonly kind: "usage" | "failed",
  ) {
    super(message);
    this.name = "RerunError";
  }
}

export interface RerunRequest {
  workflowId: string;
  from: RerunStep;
  /** Publish somewhere else than the earlier run did. */
  target?: string;
}

/**
 * How `theirs` (a running build) differs from `ours` in what it will publish: each config field but
 * the shard size (which only splits the work), and the target. Empty when joining it gives us what
 * we asked for.
 */
export function inputDifferences(theirs: SnapshotInput, ours: SnapshotInput): string[] {
  const differences: string[] = [];
  const show = (value: unknown) => (Array.isArray(value) ? value.join(",") : JSON.stringify(value));
  for (const key of Object.keys(ours.config) as Array<keyof SnapshotInput["config"]>) {
    if (key === "shardSize") continue;
    if (JSON.stringify(theirs.config[key]) !== JSON.stringify(ours.config[key])) differences.push(`${key} (running: ${show(theirs.config[key])}; yours: ${show(ours.config[key])})`);
  }
  if (theirs.target !== ours.target) differences.push(`target (running: ${theirs.target}; yours: ${ours.target})`);
  return differences;
}

/**
 * Starts a new run of a finished snapshot workflow (failed, cancelled, timed out or completed) with
 * the input of its latest run, from `from` on. The same workflow id: a snapshot is built by one
 * workflow at a time, and status and history stay in one place.
 */
export async function startRerun(client: Client, { workflowId, from, target }: RerunRequest): Promise<{ handle: WorkflowHandle<(i: SnapshotInput) => Promise<SnapshotResult>>; runId: string; input: SnapshotInput; previousStatus: string }> {
  const previous = client.workflow.getHandle(workflowId);
  let description;
  try {
    description = await previous.describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new RerunError(`no snapshot workflow ${workflowId} in namespace ${client.options.namespace}`, "usage");
    throw error;
  }
  if (description.type !== "snapshotWorkflow") throw new RerunError(`${workflowId} is a ${description.type}, not a snapshotWorkflow`, "usage");
  if (description.status.name === "RUNNING") throw new RerunError(`${workflowId} is still running: wait for it, or \`sdh snapshot cancel\` it first`, "usage");
  const earlier = await inputOf(previous);
  const input: SnapshotInput = { ...earlier, from, ...(target ? { target } : {}) };
  const handle = await client.workflow.start<(i: SnapshotInput) => Promise<SnapshotResult>>("snapshotWorkflow", {
    taskQueue: description.taskQueue,
    workflowId,
    args: [input],
    workflowIdConflictPolicy: "FAIL",
    workflowIdReusePolicy: "ALLOW_DUPLICATE",
    ...visibilityOptions(snapshotVisibility(input, await registeredSearchAttributes(client))),
  });
  return { handle, runId: handle.firstExecutionRunId, input, previousStatus: description.status.name };
}

/** The input a run was started with: the first event of its history (one event read, not the whole history). */
export async function inputOf(handle: WorkflowHandle): Promise<SnapshotInput> {
  const { history } = await handle.client.workflowService.getWorkflowExecutionHistory({
    namespace: handle.client.options.namespace,
    execution: { workflowId: handle.workflowId },
    maximumPageSize: 1,
  });
  const payload = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new RerunError(`${handle.workflowId}: its history has no start input`, "failed");
  return defaultPayloadConverter.fromPayload<SnapshotInput>(payload);
}
