import { liveProgress, type SnapshotInput, type SnapshotResult } from "@sdh/worker";
import { WorkflowFailedError, type WorkflowHandle } from "@temporalio/client";
import { progressLine } from "../progress.js";
import { EXIT } from "../usage-error.js";
import { countsLine } from "../counts-line.js";
import { PACKS } from "@sdh/packs";

/** The root cause's message of a failed workflow (the activity's own words, e.g. a validation summary). */
export function failureMessage(error: WorkflowFailedError): string {
  const cause = error.cause as { message?: string; type?: string; cause?: { message?: string; type?: string } } | undefined;
  const root = cause?.cause ?? cause;
  // The failure's type (StagedOutputCorrupt, ValidationFailed…) leads, as the runbook's table reads it.
  const message = root?.message ?? error.message;
  return root?.type ? `${root.type}: ${message}` : message;
}

/**
 * Waits for a snapshot run, showing its progress: a bar on a terminal, a line per change otherwise
 * (stderr), nothing with --json. Exit 0 when it published, 1 when it failed.
 */
export async function awaitSnapshot(handle: WorkflowHandle<(i: SnapshotInput) => Promise<SnapshotResult>>, out: { json: boolean; link: string | null; input: SnapshotInput }): Promise<number> {
  // Progress counts the pack's root records: "households" in pc, "customers" in fintech.
  const unit = PACKS.find((p) => p.spec.name === (out.input.config.pack ?? "pc"))?.spec.entities[0]?.name ?? "root records";
  const show = process.stderr.isTTY && !out.json ? progressLine("snapshot") : null;
  let last = "";
  const poll = setInterval(() => {
    liveProgress(handle).then(
      (p) => {
        if (!p) return; // no worker answered yet: the next poll asks again
        if (show && p.step === "generate") show.update(p.recordsDone, p.recordsTotal);
        else if (show && p.step === "validate" && p.keyChecksTotal) show.update(p.keyChecksDone ?? 0, p.keyChecksTotal, "key checks");
        else if (show && p.step === "export" && p.partsTotal) show.update(p.partsDone ?? 0, p.partsTotal, "parts exported");
        else if (show) show.note(`${p.step}…`);
        else if (!out.json) {
          const parts = p.partsTotal === undefined ? "" : `, ${p.partsDone ?? 0}/${p.partsTotal} parts`;
          const line = `${p.step}: ${p.shardsDone}/${p.shardsTotal} shards, ${p.recordsDone}/${p.recordsTotal} ${unit}${parts}`;
          if (line !== last) console.error(line);
          last = line;
        }
      },
      () => undefined,
    );
  }, 1_000);
  try {
    const result = await handle.result();
    show?.done();
    if (out.json) console.log(JSON.stringify({ workflowId: handle.workflowId, ...result }, null, 2));
    else {
      console.log(`Published ${result.snapshotId} to ${result.location}${result.alreadyPublished ? " (already there, unchanged)" : ""}`);
      console.log(`  ${countsLine(result.counts)} · ${result.files} files · ${result.bytes} bytes`);
    }
    return EXIT.ok;
  } catch (error) {
    show?.done();
    if (error instanceof WorkflowFailedError) {
      console.error(`sdh: snapshot ${handle.workflowId} failed: ${failureMessage(error)}${out.link ? `\n  ${out.link}` : ""}`);
      console.error(`  see \`sdh snapshot status ${handle.workflowId}\`; after a fix: \`sdh snapshot rerun ${handle.workflowId} --from <step>\``);
      return EXIT.failed;
    }
    throw error;
  } finally {
    clearInterval(poll);
  }
}
