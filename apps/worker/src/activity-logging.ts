import type { Context } from "@temporalio/activity";
import type { ActivityInboundCallsInterceptor, ActivityInterceptors } from "@temporalio/worker";

/**
 * The worker's memory when an activity ends: its resident set now, and the highest it has been since
 * the worker started (the kernel's peak). The first activity whose line shows a higher peak is the one
 * that raised it: how an operator finds the step that needs more memory on a worker.
 */
function memory(): { rssMb: number; peakRssMb: number } {
  return { rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/**
 * Logs each activity's start and end at INFO through the activity's own logger, which attaches the
 * workflowId, workflowRunId, activityId, activityType and attempt: one line per step an operator can
 * grep for, with its duration and the worker's memory at its end. (The SDK logs the same at DEBUG only.)
 */
export function activityLogging(ctx: Context): ActivityInterceptors {
  const inbound: ActivityInboundCallsInterceptor = {
    async execute(input, next) {
      const started = performance.now();
      ctx.log.info("activity started");
      try {
        const result = await next(input);
        ctx.log.info("activity completed", { durationMs: Math.round(performance.now() - started), ...memory() });
        return result;
      } catch (error) {
        ctx.log.warn("activity failed", { durationMs: Math.round(performance.now() - started), ...memory(), error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
  };
  return { inbound };
}
