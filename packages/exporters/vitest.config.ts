import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "exporters", services: false });
