import { randomUUID } from "node:crypto";
import { testServices } from "@sdh/infra/testing";
import { Client, Connection } from "@temporalio/client";
import { NativeConnection } from "@temporalio/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorker, type HealthcheckResult } from "./index.js";

describe("worker (real Temporal dev server)", () => {
  let native: NativeConnection;
  let connection: Connection;
  let client: Client;
  const { temporalAddress, namespace } = testServices();

  beforeAll(async () => {
    native = await NativeConnection.connect({ address: temporalAddress });
    connection = await Connection.connect({ address: temporalAddress });
    client = new Client({ connection, namespace });
  });
  afterAll(async () => {
    await connection?.close();
    await native?.close();
  });

  it("runs the healthcheck workflow through its activity", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const worker = await createWorker({ connection: native, namespace, taskQueue, activityDeps: { host: () => "test-host" } });
    const workflowId = `healthcheck-${randomUUID()}`;
    const result = await worker.runUntil(
      client.workflow.execute<(m: string) => Promise<HealthcheckResult>>("healthcheckWorkflow", { taskQueue, workflowId, args: ["ping"] }),
    );
    expect(result).toEqual({ workflowId, echoed: "ping", activityHost: "test-host" });
  });
});
