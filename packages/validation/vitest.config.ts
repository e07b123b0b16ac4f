import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "validation", services: false });
