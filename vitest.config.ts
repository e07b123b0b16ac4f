import { defineConfig } from "vitest/config";

// `pnpm test` runs every package as one vitest run: one pair of real services, one summary.
export default defineConfig({
  test: {
    projects: ["packages/*", "packs/*", "apps/*", "infra/local", "tooling/eslint", "bench"],
    pool: "forks",
    // Three files at a time on two cores: most wait on the real servers or child processes (ADR 0022).
    maxWorkers: 3,
  },
});
