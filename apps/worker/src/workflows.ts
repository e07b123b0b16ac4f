// All workflow code. Runs in Temporal's deterministic sandbox: it imports only @temporalio/workflow,
// and activities only as types (enforced by lint).
import { proxyActivities, workflowInfo } from "@temporalio/workflow";
import type { Activities } from "./activities.js";

const { healthcheck } = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: { maximumAttempts: 3 },
});

export interface HealthcheckResult {
  workflowId: string;
  echoed: string;
  activityHost: string;
}

/** A round trip through the server, a worker and an activity: what `sdh doctor` runs. */
export async function healthcheckWorkflow(message: string): Promise<HealthcheckResult> {
  const { echoed, host } = await healthcheck(message);
  return { workflowId: workflowInfo().workflowId, echoed, activityHost: host };
}
