import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "fintech", services: false });
