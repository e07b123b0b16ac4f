import { readFileSync } from "node:fs";
import { bundleWorkflowCode, Worker } from "@temporalio/worker";
import { describe, expect, it } from "vitest";
import { workflowsPath } from "../src/index.js";
import { REPLAY_HISTORY } from "./snapshot-harness.js";


describe("workflow determinism", () => {
  it("replays the committed history of a real snapshot run without a nondeterminism error", async () => {
    const history: unknown = JSON.parse(readFileSync(REPLAY_HISTORY, "utf8"));
    // Failing here means runs started on the previous release cannot continue on this code. Workers
    // are versioned (README "Worker versioning"): roll the change out as a new build (its build id
    // follows the workflow bundle), so pinned runs finish on the old workers, and re-record the
    // history with SDH_RECORD_HISTORY=1 (test/snapshot-workflow.test.ts) in the same change.
    await expect(Worker.runReplayHistory({ workflowsPath: workflowsPath() }, history), "not replay-safe: ship it as a new worker version (runbook §9) and re-record the history").resolves.toBeUndefined();
  });

  it("bundles for the sandbox: the workflow code imports nothing it cannot run", async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } });
    expect(code).toContain("snapshotWorkflow");
    expect(code).not.toMatch(/require\(["']node:/);
  });
});
