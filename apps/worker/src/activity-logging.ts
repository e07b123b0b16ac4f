import type { Context } from "@temporalio/activity";
import type { ActivityInboundCallsInterceptor, ActivityInterceptors } from "@temporalio/worker";

/**
 * Logs each activity's start and end at INFO through the activity's own logger, which attaches the
 * workflowId, workflowRunId, activityId, activityType and attempt: one line per step an operator can
 * grep for. (The SDK logs the same at DEBUG only.)
 */
export function activityLogging(ctx: Context): ActivityInterceptors {
  const inbound: ActivityInboundCallsInterceptor = {
    async execute(input, next) {
      const started = performance.now();
      ctx.log.info("activity started");
      try {
        const result = await next(input);
        ctx.log.info("activity completed", { durationMs: Math.round(performance.now() - started) });
        return result;
      } catch (error) {
        ctx.log.warn("activity failed", { durationMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
  };
  return { inbound };
}
