import { sdhProject } from "@sdh/vitest-config";

export default sdhProject({ name: "infra", services: true, servicesSetup: "./src/vitest-setup.ts" });
