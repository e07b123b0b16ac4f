import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { CreateBucketCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { resolveBinary } from "./binaries.js";
import { isRunning, startDetached } from "./processes.js";
import type { S3Record } from "./state.js";
import { waitUntil } from "./wait.js";

export interface S3StartOptions {
  stateDir: string;
  port: number;
  bucket: string;
}

/** Local-only credentials: the gateway listens on loopback and holds nothing but synthetic data. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: "sdh-local", secretAccessKey: "sdh-local-secret", region: "us-east-1" } as const;

/** Starts Versity S3 Gateway on a posix folder under the state dir, waits until it answers, creates the bucket. */
export async function startS3(options: S3StartOptions): Promise<S3Record> {
  const binary = await resolveBinary("versitygw");
  const logDir = join(options.stateDir, "logs");
  const root = join(options.stateDir, "s3");
  mkdirSync(logDir, { recursive: true });
  mkdirSync(root, { recursive: true });
  const log = join(logDir, "s3.log");
  const endpoint = `http://127.0.0.1:${options.port}`;
  const { accessKeyId, secretAccessKey, region } = LOCAL_S3_CREDENTIALS;
  const args = ["--port", `127.0.0.1:${options.port}`, "--access", accessKeyId, "--secret", secretAccessKey, "--region", region, "posix", root];
  const pid = startDetached(binary, args, log);
  await waitUntil(`S3 gateway at ${endpoint} (log: ${log})`, () => s3Answers(endpoint), {
    timeoutMs: 30_000,
    isAlive: () => isRunning(pid, binary),
  });
  const record: S3Record = { pid, binary, log, startedAt: new Date().toISOString(), endpoint, bucket: options.bucket, root, region, accessKeyId, secretAccessKey };
  await ensureBucket(record);
  return record;
}

/** Any HTTP answer (even 403 to an anonymous request) means the gateway is serving. */
export async function s3Answers(endpoint: string): Promise<boolean> {
  const response = await fetch(endpoint, { signal: AbortSignal.timeout(5_000) });
  await response.body?.cancel();
  return response.status > 0;
}

export function localS3Client(record: Pick<S3Record, "endpoint" | "region" | "accessKeyId" | "secretAccessKey">): S3Client {
  return new S3Client({
    endpoint: record.endpoint,
    region: record.region,
    forcePathStyle: true,
    credentials: { accessKeyId: record.accessKeyId, secretAccessKey: record.secretAccessKey },
  });
}

export async function ensureBucket(record: S3Record): Promise<void> {
  const s3 = localS3Client(record);
  try {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: record.bucket }));
    } catch {
      await s3.send(new CreateBucketCommand({ Bucket: record.bucket }));
    }
  } finally {
    s3.destroy();
  }
}
