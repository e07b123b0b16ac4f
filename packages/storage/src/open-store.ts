import { LocalStore } from "./stores/local-store.js";
import { S3Store } from "./stores/s3-store.js";
import type { SnapshotStore } from "./stores/snapshot-store.js";
import { createS3Client, s3SettingsFromEnv } from "./s3-client.js";
import { parseTarget } from "./target.js";

/**
 * The store a target or source address names: `s3://bucket/prefix` (S3 settings from the
 * environment, credentials from the AWS provider chain) or a folder.
 */
export function openStore(address: string, env: NodeJS.ProcessEnv = process.env): SnapshotStore {
  const target = parseTarget(address);
  if (target.kind === "local") return new LocalStore(target.path);
  const settings = s3SettingsFromEnv(env);
  return new S3Store(createS3Client(settings), target.bucket, target.prefix, settings.endpoint ?? `AWS (${settings.region})`);
}
