import { sdhProject } from "@sdh/vitest-config";

// Bundles are built with worker threads and DuckDB: seconds each, more on a busy shared machine.
// A slow run must not fail a correctness test (speed is measured by `pnpm bench`).
export default sdhProject({ name: "exporters", services: false, testTimeoutMs: 60_000 });
