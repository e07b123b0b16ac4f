import type { ViteUserConfig } from "vitest/config";

export interface ProjectOptions {
  name: string;
  services?: boolean;
  testTimeoutMs?: number;
  servicesSetup?: string;
}

export declare function sdhProject(options: ProjectOptions): ViteUserConfig;
