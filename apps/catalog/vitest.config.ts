import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "catalog", services: true });
