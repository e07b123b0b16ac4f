import { WorkflowNotFoundError } from "@temporalio/client";
import type { BuildOptions } from "./build-routes.js";
import { notFound, Problem } from "./problem.js";

/** The longest a route waits on Temporal: an unreachable cluster is answered within this, not after the SDK's retries. */
export const TEMPORAL_DEADLINE_MS = 5_000;

/**
 * Temporal unreachable is a 503 (with the cause) within the deadline, not after the SDK's retries;
 * an unknown build is 404. gRPC cannot tell "refused" from "slow" sooner: it retries until the deadline.
 */
export async function temporal<T>({ client, deadlineMs = TEMPORAL_DEADLINE_MS }: BuildOptions, work: () => Promise<T>, workflowId?: string): Promise<T> {
  try {
    return await client.connection.withDeadline(Date.now() + deadlineMs, work);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound(`no build ${workflowId ?? ""}`.trim());
    if (error instanceof Problem) throw error;
    // The SDK's own message ("Failed to list schedules") says what failed; its cause says why.
    const why = (e: unknown): string => (e instanceof Error ? e.message + (e.cause ? `: ${why(e.cause)}` : "") : String(e));
    throw new Problem(503, "Temporal unavailable", `Temporal did not answer within ${deadlineMs / 1000} s: ${why(error)}`, "temporal-unavailable");
  }
}
