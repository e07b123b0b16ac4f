// Build step (`pnpm build`): bundles the workflow code into dist/workflow-bundle.js, which workers
// of a production build load instead of bundling at start. A workflow that imports something the
// sandbox cannot run (a Node built-in, a heavy package) fails here, in CI, not in a worker.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bundleWorkflowCode } from "@temporalio/worker";
import { workflowsPath } from "./workflow-source.js";

const out = fileURLToPath(new URL("./workflow-bundle.js", import.meta.url));
const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietLogger() });
await writeFile(out, code);
console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);

function quietLogger() {
  const noop = () => undefined;
  return { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
}
