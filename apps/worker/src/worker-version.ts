import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { bundleFromSource, prebuiltWorkflowBundle } from "./workflow-source.js";

/** A worker deployment version: the deployment (one per fleet) and the build it runs. */
export interface WorkerVersion {
  deploymentName: string;
  buildId: string;
}

/** The workflow code a worker runs, and its sha256: what a build id must change with. */
export interface WorkflowCode {
  bundle: { code: string };
  sha256: string;
}

/**
 * The workflow bundle this worker will run: the prebuilt one (`pnpm build`, the installed sdh), else
 * bundled now from source. Read once, so the code hashed is the code run.
 */
export async function workflowCode(): Promise<WorkflowCode> {
  const prebuilt = prebuiltWorkflowBundle();
  const code = prebuilt ? await readFile(prebuilt.codePath, "utf8") : await bundleFromSource();
  return { bundle: { code }, sha256: createHash("sha256").update(code).digest("hex") };
}

/**
 * The default build id of a release: its version and the first 12 hex digits of its workflow
 * bundle's sha256 (`0.1.0-3f2a9c1b7d4e`). A release whose workflow code changed gets a new build id
 * by itself; one that changed only activities keeps it, since pinned runs replay only workflow code.
 */
export function releaseBuildId(version: string, workflow: WorkflowCode): string {
  return `${version}-${workflow.sha256.slice(0, 12)}`;
}

/** Why a deployment name or build id would be refused by the server (undefined when it is fine). */
export function versionProblem({ deploymentName, buildId }: WorkerVersion): string | undefined {
  // The server joins them as "<deployment>.<build id>", so a dot in the deployment name is ambiguous.
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(deploymentName)) return `deployment name ${JSON.stringify(deploymentName)} must be 1-100 letters, digits, '-' or '_' (no dots), starting with a letter or digit`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/.test(buildId)) return `build id ${JSON.stringify(buildId)} must be 1-100 letters, digits, '.', '_', '+' or '-', starting with a letter or digit`;
  return undefined;
}
