import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleWorkflowCode } from "@temporalio/worker";

/**
 * The workflow module for the bundler: `workflows.ts` when running from source (tests, `pnpm sdh`),
 * `workflows.js` next to this file in a built package.
 */
export function workflowsPath(): string {
  for (const name of ["workflows.js", "workflows.ts"]) {
    const candidate = fileURLToPath(new URL(`./${name}`, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("workflow code not found next to the worker module");
}

/** The workflow bundle `pnpm build` writes next to the built worker (see bundle-workflows.ts), when there is one. */
export function prebuiltWorkflowBundle(): { codePath: string } | undefined {
  const codePath = fileURLToPath(new URL("./workflow-bundle.js", import.meta.url));
  return existsSync(codePath) ? { codePath } : undefined;
}

/** Bundles the workflow code now (the build step, and workers without a prebuilt bundle); warnings and errors only. */
export async function bundleFromSource(): Promise<string> {
  const noop = () => undefined;
  const logger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
  return (await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger })).code;
}
