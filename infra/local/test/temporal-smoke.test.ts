import { fileURLToPath } from "node:url";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../src/testing.js";
import * as activities from "./fixtures/smoke-activities.js";

describe("Temporal dev server (real)", () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    const { temporalAddress, namespace } = testServices();
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: temporalAddress, namespace });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it("runs a workflow that calls an activity in this process", async () => {
    const taskQueue = `smoke-${process.pid}-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? "default",
      taskQueue,
      workflowsPath: fileURLToPath(new URL("./fixtures/smoke-workflows.ts", import.meta.url)),
      activities,
    });
    const result = await worker.runUntil(
      env.client.workflow.execute("smokeWorkflow", { taskQueue, workflowId: taskQueue, args: ["hello"] }),
    );
    expect(result).toBe(`HELLO from pid ${process.pid} (via workflow)`);

    // The server really recorded it: the history holds the activity's scheduling and completion.
    const history = await env.client.workflow.getHandle(taskQueue).fetchHistory();
    const types = (history.events ?? []).map((e) => e.eventType);
    expect(types).toContain(10); // ACTIVITY_TASK_SCHEDULED
    expect(types).toContain(12); // ACTIVITY_TASK_COMPLETED
  });
});
