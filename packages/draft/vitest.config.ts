import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "draft", services: false });
