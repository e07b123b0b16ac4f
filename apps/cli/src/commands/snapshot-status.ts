import { liveProgress, type SnapshotProgress, type SnapshotResult } from "@sdh/worker";
import { WorkflowFailedError, WorkflowNotFoundError, type WorkflowHandle } from "@temporalio/client";
import { withTemporal } from "../temporal-client.js";
import { EXIT, UsageError } from "../usage-error.js";
import { workflowIdArgument } from "./snapshot-ids.js";
import { failureMessage } from "./snapshot-wait.js";
import { commandArgs } from "../command-args.js";
import { countsLine } from "../counts-line.js";

interface StatusReport {
  workflowId: string;
  status: string;
  startTime: string;
  closeTime: string | null;
  link: string | null;
  progress?: SnapshotProgress | null;
  result?: SnapshotResult;
  failure?: string;
}

/** `sdh snapshot status|cancel <snapshotId or workflow id>`. */
export async function snapshotRunCommand(action: "status" | "cancel", args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = commandArgs("snapshot", { args, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  const workflowId = workflowIdArgument(parsed.positionals, `sdh snapshot ${action} <snapshotId>`);
  const json = parsed.values.json;
  return withTemporal(env, async ({ client, namespace, link }) => {
    const handle = client.workflow.getHandle<() => Promise<SnapshotResult>>(workflowId);
    let description;
    try {
      description = await handle.describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new UsageError(`no snapshot workflow ${workflowId} in namespace ${namespace}`);
      throw error;
    }
    const status = description.status.name;
    if (action === "cancel") return cancel(handle, status, json);
    const report: StatusReport = { workflowId, status, startTime: description.startTime.toISOString(), closeTime: description.closeTime?.toISOString() ?? null, link: link(workflowId), ...(await outcome(handle, status)) };
    if (json) console.log(JSON.stringify(report, null, 2));
    else printStatus(report);
    return status === "RUNNING" || status === "COMPLETED" ? EXIT.ok : EXIT.failed;
  });
}

/** A running build's progress (asked of a worker), or a closed one's result or failure. */
async function outcome(handle: WorkflowHandle<() => Promise<SnapshotResult>>, status: string): Promise<Pick<StatusReport, "progress" | "result" | "failure">> {
  // Counts the root records of the shards still building too (their heartbeats), not only finished shards.
  if (status === "RUNNING") return { progress: await liveProgress(handle) };
  if (status === "COMPLETED") return { result: await handle.result() };
  return handle.result().then(
    () => ({}),
    (e: unknown) => ({ failure: e instanceof WorkflowFailedError ? failureMessage(e) : String(e) }),
  );
}

async function cancel(handle: WorkflowHandle, status: string, json: boolean): Promise<number> {
  if (status !== "RUNNING") {
    console.error(`sdh: ${handle.workflowId} is ${status}, not running: nothing to cancel`);
    return EXIT.failed;
  }
  // The workflow is cancelled; its activities learn it at their next heartbeat and stop. Nothing is published.
  await handle.cancel();
  if (json) console.log(JSON.stringify({ workflowId: handle.workflowId, cancelRequested: true }));
  else console.log(`Cancellation requested for ${handle.workflowId}: running activities stop at their next heartbeat; nothing is published.`);
  return EXIT.ok;
}

function printStatus(s: StatusReport): void {
  console.log(`${s.workflowId}: ${s.status} (started ${s.startTime}${s.closeTime ? `, closed ${s.closeTime}` : ""})`);
  if (s.progress) {
    const checks = s.progress.keyChecksTotal === undefined ? "" : `, ${s.progress.keyChecksDone ?? 0}/${s.progress.keyChecksTotal} key checks`;
    const parts = checks + (s.progress.partsTotal === undefined ? "" : `, ${s.progress.partsDone ?? 0}/${s.progress.partsTotal} parts exported`);
    console.log(`  step ${s.progress.step}: ${s.progress.shardsDone}/${s.progress.shardsTotal} shards, ${s.progress.recordsDone}/${s.progress.recordsTotal} root records${parts}`);
  }
  else if (s.status === "RUNNING") console.log("  progress: no worker answered the query (is `sdh worker` running?)");
  if (s.result) console.log(`  published ${s.result.location}: ${countsLine(s.result.counts)}, ${s.result.files} files, ${s.result.bytes} bytes`);
  if (s.failure) console.log(`  failed: ${s.failure}\n  after a fix: sdh snapshot rerun ${s.workflowId} --from <generateShard|validateSnapshot|exportSnapshot|publishManifest>`);
  if (s.link) console.log(`  ${s.link}`);
}
