import { rmSync } from "node:fs";
import { join } from "node:path";
import { defaultStateDir, freePort, servicesDown, servicesUp } from "@sdh/infra";

/**
 * The suite's own Temporal dev server and S3 gateway, on free ports with state under
 * .sdh/bench/run-<pid>, so a benchmark never disturbs (or is disturbed by) `pnpm services:up`.
 */
export async function startBenchServices() {
  const stateDir = join(defaultStateDir(), "bench", `run-${process.pid}`);
  const { state } = await servicesUp({ stateDir, temporalPort: await freePort(), uiPort: null, s3Port: await freePort(), namespace: "default", bucket: "sdh-bench" });
  return {
    bucket: state.s3.bucket,
    temporalPid: state.temporal.pid!,
    s3Pid: state.s3.pid!,
    env: {
      TEMPORAL_ADDRESS: state.temporal.address,
      TEMPORAL_NAMESPACE: state.temporal.namespace,
      SDH_S3_ENDPOINT: state.s3.endpoint,
      SDH_S3_FORCE_PATH_STYLE: "true",
      AWS_REGION: state.s3.region,
      AWS_ACCESS_KEY_ID: state.s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: state.s3.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    /**
     * Frees the disk a run's published objects take: the gateway keeps each object as a file under
     * its state folder, and a 2M-household snapshot is about 21 GB, so runs of one invocation would
     * otherwise fill the disk. `prefix` is the run's own, under the suite's bucket.
     */
    dropObjects(prefix: string) {
      if (!prefix || prefix.includes("..") || prefix.startsWith("/")) throw new Error(`not a run's prefix: ${JSON.stringify(prefix)}`);
      rmSync(join(stateDir, "s3", state.s3.bucket, prefix), { recursive: true, force: true });
    },
    async stop() {
      await servicesDown(stateDir);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
