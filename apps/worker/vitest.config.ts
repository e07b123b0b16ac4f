import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "worker", services: true });
