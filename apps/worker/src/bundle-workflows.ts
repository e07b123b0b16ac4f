// Build step (`pnpm build`): bundles the workflow code into dist/workflow-bundle.js, which workers
// of a production build load instead of bundling at start. A workflow that imports something the
// sandbox cannot run (a Node built-in, a heavy package) fails here, in CI, not in a worker.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bundleFromSource } from "./workflow-source.js";

const out = fileURLToPath(new URL("./workflow-bundle.js", import.meta.url));
const code = await bundleFromSource();
await writeFile(out, code);
console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
