import { z } from "@hono/zod-openapi";
import type { WorkflowExecutionInfo } from "@temporalio/client";
import { queryOf, wholeNumber } from "./api-schemas.js";
import type { BuildOptions } from "./build-routes.js";
import { temporal } from "./temporal-deadline.js";

// The builds an operator looks for first: those running and the latest ones, from Temporal's
// visibility store (the same list the Web UI shows), with what each was asked to build, read from the
// memo every build is started with (snapshot id, pack, root records, shard size, target).

export const BuildListQuery = queryOf({ limit: wholeNumber("limit", 1, 100, 20) });

export const BuildSummary = z
  .object({
    buildId: z.string(),
    snapshotId: z.string().nullable(),
    status: z.string().describe("RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED or TIMED_OUT"),
    startTime: z.string(),
    closeTime: z.string().nullable(),
    pack: z.string().nullable(),
    target: z.string().nullable().describe("Where it publishes (the target's URI)"),
    records: z.number().int().nullable().describe("Root records asked for"),
    shards: z.number().int().nullable().describe("Shards the work is split into"),
  })
  .openapi("BuildSummary");
export type BuildSummary = z.infer<typeof BuildSummary>;
export const BuildList = z.object({ builds: z.array(BuildSummary).describe("Running builds first, then the others, newest first") }).openapi("BuildList");

/** What a build was asked for, from the memo it was started with; nulls for a workflow without one. */
export function plannedOf(memo: Record<string, unknown> | undefined): Pick<BuildSummary, "snapshotId" | "pack" | "target" | "records" | "shards"> {
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  const whole = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null);
  const records = whole(memo?.records);
  const shardSize = whole(memo?.shardSize);
  return { snapshotId: text(memo?.snapshotId), pack: text(memo?.pack), target: text(memo?.target), records, shards: records && shardSize ? Math.ceil(records / shardSize) : null };
}

const summaryOf = (w: WorkflowExecutionInfo): BuildSummary => ({
  buildId: w.workflowId,
  status: w.status.name,
  startTime: w.startTime.toISOString(),
  closeTime: w.closeTime?.toISOString() ?? null,
  ...plannedOf(w.memo),
});

/** The latest `limit` snapshot builds (child workflows of large builds are not builds of their own). */
export async function recentBuilds(options: BuildOptions, limit: number): Promise<BuildSummary[]> {
  const found = await temporal(options, async () => {
    const builds: BuildSummary[] = [];
    for await (const w of options.client.workflow.list({ query: "WorkflowType = 'snapshotWorkflow'", pageSize: limit })) {
      builds.push(summaryOf(w));
      if (builds.length === limit) break;
    }
    return builds;
  });
  const running = (b: BuildSummary) => (b.status === "RUNNING" ? 0 : 1);
  return found.sort((a, b) => running(a) - running(b) || b.startTime.localeCompare(a.startTime));
}
