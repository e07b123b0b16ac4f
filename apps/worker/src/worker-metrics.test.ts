import { ApplicationFailure } from "@temporalio/common";
import { describe, expect, it } from "vitest";
import { WorkerMetrics } from "./worker-metrics.js";

describe("WorkerMetrics", () => {
  it("counts failed steps by their failure type, and times every attempt", async () => {
    const metrics = new WorkerMetrics();
    metrics.stepStarted("validateSnapshot")(ApplicationFailure.nonRetryable("gate failed", "ValidationFailed"));
    metrics.stepStarted("publishManifest")(new TypeError("boom"));
    metrics.stepStarted("publishManifest")();
    const text = await metrics.text();
    expect(text).toContain('sdh_step_failures_total{activity="validateSnapshot",type="ValidationFailed"} 1');
    expect(text).toContain('sdh_step_failures_total{activity="publishManifest",type="TypeError"} 1');
    expect(text).toContain('sdh_step_duration_seconds_count{activity="publishManifest",outcome="completed"} 1');
    expect(text).toContain('sdh_step_duration_seconds_count{activity="publishManifest",outcome="failed"} 1');
    expect(text).toContain('sdh_steps_running{activity="publishManifest"} 0');
  });

  it("counts the root entity as a shard builds it, and the other entities once, when it ends", async () => {
    const metrics = new WorkerMetrics();
    const progress = metrics.rootProgress("pc", "households");
    progress(100);
    progress(250);
    progress(250);
    expect(await metrics.text()).toContain('sdh_records_built_total{pack="pc",entity="households"} 250');
    progress(300);
    metrics.shardBuilt("pc", "households", { households: 300, persons: 720 }, 4096);
    const text = await metrics.text();
    expect(text).toContain('sdh_records_built_total{pack="pc",entity="households"} 300');
    expect(text).toContain('sdh_records_built_total{pack="pc",entity="persons"} 720');
    expect(text).toContain('sdh_staged_bytes_total{step="generateShard"} 4096');
    expect(text).toContain('sdh_shards_total{pack="pc",result="built"} 1');
  });
});
