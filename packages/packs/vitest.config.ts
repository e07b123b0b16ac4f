import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "packs", services: false });
