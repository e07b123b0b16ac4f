import { snapshotWorkflowId } from "@sdh/worker";
import { UsageError } from "../usage-error.js";

/** A snapshot's workflow id from what the user typed: the snapshot id, or the workflow id itself. */
export function workflowIdArgument(positionals: string[], usage: string): string {
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`give one snapshot id: ${usage}`);
  return id.startsWith("snapshot-") ? id : snapshotWorkflowId(id);
}
