import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "eslint-config", testTimeoutMs: 30_000 });
