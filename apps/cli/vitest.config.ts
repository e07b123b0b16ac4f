import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "cli", services: true });
