import { sdhProject } from "@sdh/vitest-config";

// Each test spawns the CLI from source several times, 2-3 s a spawn when idle and several times that
// on a loaded CI machine; 120 s leaves room for that and still stops a hung test.
export default sdhProject({ name: "cli", services: true, testTimeoutMs: 120_000 });
