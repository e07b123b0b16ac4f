import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

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
