import { VERSION_TAG } from "@sdh/schemas";

/** The workflow id of a snapshot's build, e.g. `snapshot-v0_9-2026-01-06-s42-3f9a1c2e`: one build per snapshot at a time. */
export function snapshotWorkflowId(snapshotId: string): string {
  return `snapshot-${VERSION_TAG.replace(".", "_")}-${snapshotId}`;
}
