import type { RerunStep } from "./snapshot-types.js";

// Values the CLI's help and settings print: here, apart from the modules that use them, so that
// `sdh --help` loads no Temporal SDK, AWS SDK or DuckDB (issue 33.18).

/** The steps a rerun may start from, in the order they run. */
export const RERUN_STEPS: readonly RerunStep[] = ["generateShard", "validateSnapshot", "exportSnapshot", "publishManifest"];

/** Where staging lives unless the worker is told: `.sdh/staging` under the working folder. */
export const DEFAULT_STAGING_ROOT = ".sdh/staging";
