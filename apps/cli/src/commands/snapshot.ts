import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseTarget } from "@sdh/storage";
import { SNAPSHOT_TASK_QUEUE, snapshotWorkflowId, temporalSettings, type SnapshotInput, type SnapshotProgress, type SnapshotResult } from "@sdh/worker";
import { Client, Connection, WorkflowFailedError, type WorkflowHandle } from "@temporalio/client";
import { CONFIG_FLAGS, configFromFlags } from "../config-flags.js";
import { progressLine } from "../progress.js";
import { EXIT, UsageError } from "../usage-error.js";



export async function snapshot(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "run") throw new UsageError(`unknown snapshot command '${sub ?? ""}'; available: run (see \`sdh snapshot --help\`)`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: false, options: { ...CONFIG_FLAGS, target: { type: "string" }, "task-queue": { type: "string" }, wait: { type: "boolean", default: false }, json: { type: "boolean", default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; see \`sdh snapshot --help\``);
  }
  const { values } = parsed;
  if (!values.target) throw new UsageError("--target DIR is required: where the snapshot is published");
  let target;
  try {
    target = parseTarget(values.target);
  } catch (error) {
    throw new UsageError(`--target ${(error as Error).message}`);
  }
  const { config, snapshotId } = configFromFlags(values);
  // A folder is resolved here: the worker may run in another working directory.
  const input: SnapshotInput = { config, snapshotId, target: target.kind === "local" ? resolve(target.path) : values.target };
  const { address, namespace, uiUrl } = temporalSettings(env);
  const connection = await Connection.connect({ address, connectTimeout: "5s" }).catch((e: Error) => {
    throw new Error(`cannot reach Temporal at ${address}: ${e.message}`, { cause: e });
  });
  try {
    const client = new Client({ connection, namespace });
    const workflowId = snapshotWorkflowId(snapshotId);
    // A build already running is joined. A finished or failed one may run again: staged output is
    // reused, and publishing what is already published is a no-op, so a re-run can also serve
    // another target.
    const running = await client.workflow
      .getHandle(workflowId)
      .describe()
      .then((d) => d.status.name === "RUNNING", () => false);
    const handle = await client.workflow.start<(i: SnapshotInput) => Promise<SnapshotResult>>("snapshotWorkflow", {
      taskQueue: values["task-queue"] ?? SNAPSHOT_TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: "USE_EXISTING",
      workflowIdReusePolicy: "ALLOW_DUPLICATE",
    });
    const state = running ? "already running: joined it" : "started";
    const link = uiUrl ? `${uiUrl}/namespaces/${namespace}/workflows/${workflowId}` : null;
    if (!values.json) console.log(`Snapshot ${snapshotId}: workflow ${workflowId} ${state}${link ? `\n  ${link}` : ""}`);
    if (!values.wait) {
      if (values.json) console.log(JSON.stringify({ workflowId, snapshotId, state, link }, null, 2));
      return EXIT.ok;
    }
    return await awaitResult(handle, { json: values.json, workflowId, link });
  } finally {
    await connection.close();
  }
}

async function awaitResult(handle: WorkflowHandle<(i: SnapshotInput) => Promise<SnapshotResult>>, out: { json: boolean; workflowId: string; link: string | null }): Promise<number> {
  const show = process.stderr.isTTY && !out.json ? progressLine("snapshot") : null;
  let last = "";
  const poll = setInterval(() => {
    handle.query<SnapshotProgress>("progress").then(
      (p) => {
        if (show && p.step === "generate") show.update(p.personsDone, p.personsTotal);
        else if (show) show.note(`${p.step}…`);
        else if (!out.json) {
          const line = `${p.step}: ${p.shardsDone}/${p.shardsTotal} shards, ${p.personsDone}/${p.personsTotal} persons`;
          if (line !== last) console.error(line);
          last = line;
        }
      },
      () => undefined, // no worker answered yet: the next poll asks again
    );
  }, 1_000);
  try {
    const result = await handle.result();
    show?.done();
    if (out.json) console.log(JSON.stringify({ workflowId: out.workflowId, ...result }, null, 2));
    else {
      console.log(`Published ${result.snapshotId} to ${result.location}${result.alreadyPublished ? " (already there, unchanged)" : ""}`);
      console.log(`  ${result.counts.persons} persons · ${result.counts.vehicles} vehicles · ${result.counts.profiles} profiles · ${result.files} files · ${result.bytes} bytes`);
    }
    return EXIT.ok;
  } catch (error) {
    show?.done();
    if (error instanceof WorkflowFailedError) {
      const cause = error.cause as { message?: string; cause?: { message?: string } } | undefined;
      console.error(`sdh: snapshot ${out.workflowId} failed: ${cause?.cause?.message ?? cause?.message ?? error.message}${out.link ? `\n  ${out.link}` : ""}`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    clearInterval(poll);
  }
}
