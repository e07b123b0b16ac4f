import type { Client, WorkflowHandle } from "@temporalio/client";
import { inputDifferences, inputOf } from "./snapshot-rerun.js";
import { snapshotWorkflowId } from "./snapshot-ids.js";
import type { SnapshotInput, SnapshotResult } from "./snapshot-types.js";
import { registeredSearchAttributes, snapshotVisibility, visibilityOptions } from "./snapshot-visibility.js";

export interface StartedBuild {
  handle: WorkflowHandle<(i: SnapshotInput) => Promise<SnapshotResult>>;
  workflowId: string;
  /** A build of this snapshot was already running: it was joined, not started. */
  joined: boolean;
  /** How the running build's input differs from ours; not empty means it must not be joined. */
  differences: string[];
}

/**
 * Starts a snapshot's build (`sdh snapshot run`, `POST /builds`), or joins the one already running.
 * A finished or failed build may run again: staged output is reused, and publishing what a target
 * already holds changes nothing. The running build's input is compared with ours on the very run the
 * handle holds, so a build started between a look and the start is compared too.
 */
export async function startSnapshotBuild(client: Client, input: SnapshotInput, taskQueue: string): Promise<StartedBuild> {
  const workflowId = snapshotWorkflowId(input.snapshotId);
  const joined = await client.workflow
    .getHandle(workflowId)
    .describe()
    .then((d) => d.status.name === "RUNNING", () => false);
  const handle = await client.workflow.start<(i: SnapshotInput) => Promise<SnapshotResult>>("snapshotWorkflow", {
    taskQueue,
    workflowId,
    args: [input],
    workflowIdConflictPolicy: "USE_EXISTING",
    workflowIdReusePolicy: "ALLOW_DUPLICATE",
    // What the Web UI shows: search attributes (those the namespace has), memo, summary.
    ...visibilityOptions(snapshotVisibility(input, await registeredSearchAttributes(client))),
  });
  return { handle, workflowId, joined, differences: inputDifferences(await inputOf(handle), input) };
}
