import type { Context } from "@temporalio/activity";
import type { ActivityInterceptors } from "@temporalio/worker";
import type { WorkerMetrics } from "./worker-metrics.js";

/** Times every activity attempt and counts its failures by type (what `sdh_step_*` report). */
export function activityMetrics(metrics: WorkerMetrics) {
  return (ctx: Context): ActivityInterceptors => ({
    inbound: {
      async execute(input, next) {
        const ended = metrics.stepStarted(ctx.info.activityType);
        try {
          const result = await next(input);
          ended();
          return result;
        } catch (error) {
          ended(error);
          throw error;
        }
      },
    },
  });
}
