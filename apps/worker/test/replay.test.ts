import { readFileSync } from "node:fs";
import { bundleWorkflowCode, Worker } from "@temporalio/worker";
import { describe, expect, it } from "vitest";
import { workflowsPath } from "../src/index.js";
import { REPLAY_HISTORY } from "./snapshot-harness.js";


describe("workflow determinism", () => {
  it("replays the committed history of a real snapshot run without a nondeterminism error", async () => {
    const history: unknown = JSON.parse(readFileSync(REPLAY_HISTORY, "utf8"));
    await expect(Worker.runReplayHistory({ workflowsPath: workflowsPath() }, history)).resolves.toBeUndefined();
  });

  it("bundles for the sandbox: the workflow code imports nothing it cannot run", async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } });
    expect(code).toContain("snapshotWorkflow");
    expect(code).not.toMatch(/require\(["']node:/);
  });
});
