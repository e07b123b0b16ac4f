import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "pc", services: false });
