import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "learn", services: false });
