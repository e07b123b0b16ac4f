// What tests use to reach the services the global setup provided.
import { S3Client } from "@aws-sdk/client-s3";
import { inject } from "vitest";

export interface TestServices {
  temporalAddress: string;
  namespace: string;
  s3Endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    sdhServices: TestServices;
  }
}

/** The running services; only valid in a project whose config enables `services`. */
export function testServices(): TestServices {
  const services = inject("sdhServices");
  if (!services) throw new Error("no test services: enable `services: true` in this package's vitest config");
  return services;
}

/** A real S3 client for the test gateway. */
export function testS3Client(services: TestServices = testServices()): S3Client {
  return new S3Client({
    endpoint: services.s3Endpoint,
    region: services.region,
    forcePathStyle: true,
    credentials: { accessKeyId: services.accessKeyId, secretAccessKey: services.secretAccessKey },
  });
}

/**
 * An S3 gateway of the test's own, for tests that stop the server mid-operation: the shared one
 * must stay up for the other tests. Its data survives `stop()`; `start()` serves it again on the
 * same port. The folder lives under .sdh/test/ so a leftover is found by CI's check.
 */
export async function privateS3(label: string) {
  const { startS3 } = await import("./s3-server.js");
  const { stopProcess } = await import("./processes.js");
  const { freePort } = await import("./ports.js");
  const { defaultStateDir } = await import("./paths.js");
  const { join } = await import("node:path");
  const stateDir = join(defaultStateDir(), "test", `private-s3-${label}-${process.pid}`);
  const port = await freePort();
  let record = await startS3({ stateDir, port, bucket: "sdh-private" });
  // A restart waits for the stop: a dying gateway still answering on the port would pass for the new one.
  let stopping: Promise<void> = Promise.resolve();
  return {
    get record() {
      return record;
    },
    client: () => testS3Client({ ...fromRecord(record) }),
    stop(): Promise<void> {
      const { pid, binary } = record;
      stopping = pid === null ? Promise.resolve() : stopProcess(pid, binary, 2_000);
      return stopping;
    },
    async start() {
      await stopping;
      record = await startS3({ stateDir, port, bucket: "sdh-private" });
    },
  };
}

function fromRecord(record: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }): TestServices {
  return { temporalAddress: "", namespace: "", s3Endpoint: record.endpoint, bucket: record.bucket, region: record.region, accessKeyId: record.accessKeyId, secretAccessKey: record.secretAccessKey };
}
export { freePort } from "./ports.js";
export { waitFor } from "./wait.js";
