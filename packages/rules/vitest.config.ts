import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "rules", services: false });
