import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "recipes", services: false });
