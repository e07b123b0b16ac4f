import { sdhProject } from "@sdh/vitest-config";

// The realism and VIN tests generate tens of thousands of persons: about a second each on a quiet
// machine, but one took 6 s in a CI run on a loaded 2-core machine, past vitest's default 5 s.
export default sdhProject({ name: "pc", services: false, testTimeoutMs: 60_000 });
