// Vitest global setup: the real Temporal dev server and S3 gateway for one test run.
//
// Uses the services named by the environment when TEMPORAL_ADDRESS and SDH_S3_ENDPOINT are set;
// otherwise starts both, headless, on free ports with their state in .sdh/test/run-<pid>, and stops
// them when the run ends. Several projects may list this setup: they share one pair of services.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { defaultStateDir } from "./paths.js";
import { freePort } from "./ports.js";
import { servicesDown, servicesUp } from "./services.js";
import type { TestServices } from "./testing.js";

interface Shared {
  services: Promise<TestServices>;
  users: number;
  stop: (() => Promise<void>) | null;
}

const key = Symbol.for("sdh.test-services");
const registry = globalThis as unknown as Record<symbol, Shared | undefined>;

async function fromEnvOrStart(): Promise<{ services: TestServices; stop: (() => Promise<void>) | null }> {
  const env = process.env;
  if (env.TEMPORAL_ADDRESS && env.SDH_S3_ENDPOINT) {
    return {
      services: {
        temporalAddress: env.TEMPORAL_ADDRESS,
        namespace: env.TEMPORAL_NAMESPACE ?? "default",
        s3Endpoint: env.SDH_S3_ENDPOINT,
        bucket: env.SDH_S3_BUCKET ?? "sdh-snapshots",
        region: env.AWS_REGION ?? "us-east-1",
        accessKeyId: env.AWS_ACCESS_KEY_ID ?? "",
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "",
      },
      stop: null,
    };
  }
  const stateDir = join(defaultStateDir(), "test", `run-${process.pid}`);
  const started = performance.now();
  const { state } = await servicesUp({
    stateDir,
    temporalPort: await freePort(),
    uiPort: null,
    s3Port: await freePort(),
    namespace: "default",
    bucket: "sdh-test",
  });
  console.log(`[sdh services] Temporal ${state.temporal.address}, S3 ${state.s3.endpoint} ready in ${Math.round(performance.now() - started)} ms`);
  return {
    services: {
      temporalAddress: state.temporal.address,
      namespace: state.temporal.namespace,
      s3Endpoint: state.s3.endpoint,
      bucket: state.s3.bucket,
      region: state.s3.region,
      accessKeyId: state.s3.accessKeyId,
      secretAccessKey: state.s3.secretAccessKey,
    },
    stop: async () => {
      await servicesDown(stateDir);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let shared = registry[key];
  if (!shared) {
    const created: Shared = { services: Promise.resolve(null as never), users: 0, stop: null };
    created.services = fromEnvOrStart().then(({ services, stop }) => {
      created.stop = stop;
      return services;
    });
    registry[key] = shared = created;
  }
  shared.users += 1;
  project.provide("sdhServices", await shared.services);
  const mine = shared;
  return async () => {
    mine.users -= 1;
    if (mine.users === 0) {
      registry[key] = undefined;
      await mine.stop?.();
    }
  };
}
