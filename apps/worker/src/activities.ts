import { DEFAULT_STAGING_ROOT } from "./cli-constants.js";
import { hostname } from "node:os";
import { planScheduledRun } from "./scheduled-snapshot.js";
import { createSnapshotActivities, type SnapshotActivityDeps } from "./snapshot-activities.js";
import type { ScheduledPlan, ScheduledSnapshot } from "./snapshot-types.js";

export interface ActivityDeps extends Partial<SnapshotActivityDeps> {
  /** Names the machine in results, so a doctor run shows which worker answered. */
  host?: () => string;
}

export { DEFAULT_STAGING_ROOT };

/** Activities are built from their dependencies: the worker wires real ones, tests may pass their own. */
export function createActivities({ host = hostname, stagingRoot = DEFAULT_STAGING_ROOT, ...snapshot }: ActivityDeps = {}) {
  return {
    async healthcheck(message: string): Promise<{ echoed: string; host: string }> {
      return { echoed: message, host: host() };
    },
    /** A scheduled run's snapshot (a local activity: pure, but it hashes the config, which the sandbox cannot). */
    async planScheduledSnapshot(spec: ScheduledSnapshot, scheduledAt: string): Promise<ScheduledPlan> {
      return planScheduledRun(spec, scheduledAt);
    },
    ...createSnapshotActivities({ stagingRoot, ...snapshot }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
