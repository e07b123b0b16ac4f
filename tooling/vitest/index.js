// One place for how every package's tests run, so a package's own `vitest run` (turbo) and the root
// `pnpm test` (all packages as vitest projects) behave the same. Plain JS: config files load it
// through Node, which does not run TypeScript from node_modules.
import { configDefaults, defineProject } from "vitest/config";

/**
 * Slow end-to-end cases that a cheaper test already covers at a smaller size live in
 * `*.nightly.test.ts` files: `pnpm test:nightly` (SDH_TEST_NIGHTLY=1) runs them with everything else;
 * the default run, CI's, leaves them out.
 */
const NIGHTLY = process.env.SDH_TEST_NIGHTLY === "1";

/**
 * @param {object} options
 * @param {string} options.name
 * @param {boolean} [options.services] start (or reuse) the real Temporal dev server and S3 gateway
 * @param {number} [options.testTimeoutMs] per-test timeout; integration tests talk to real servers
 * @param {string} [options.servicesSetup] the harness module; only @sdh/infra itself names its own file
 */
export function sdhProject({ name, services = false, testTimeoutMs, servicesSetup = "@sdh/infra/vitest-setup" }) {
  // Workspace packages resolve to their TypeScript sources: nothing has to be built before testing.
  // Not Vite's "module" condition: some packages (the AWS SDK) map it to bundler-only ESM that Node cannot load.
  const conditions = ["sdh-source", "node", "development|production"];
  return defineProject({
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts", "*.test.ts"],
      exclude: NIGHTLY ? configDefaults.exclude : [...configDefaults.exclude, "**/*.nightly.test.ts"],
      // Forks, not threads: the Temporal worker's native module does not belong in worker threads.
      pool: "forks",
      globalSetup: services ? [servicesSetup] : [],
      testTimeout: testTimeoutMs ?? (services ? 60_000 : 5_000),
      hookTimeout: services ? 120_000 : 10_000,
    },
  });
}
