import { S3Client } from "@aws-sdk/client-s3";
import { withoutUserinfo } from "./redact-url.js";

/** How to reach S3. Credentials are deliberately absent: they come from the standard AWS provider chain. */
export interface S3Settings {
  /** Custom endpoint (a local gateway); undefined means AWS itself. */
  endpoint: string | undefined;
  region: string;
  forcePathStyle: boolean;
}

/** Reads `SDH_S3_ENDPOINT`, `AWS_REGION` (or `AWS_DEFAULT_REGION`) and `SDH_S3_FORCE_PATH_STYLE`. */
export function s3SettingsFromEnv(env: NodeJS.ProcessEnv = process.env): S3Settings {
  const endpoint = env.SDH_S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) {
    throw new Error(`SDH_S3_ENDPOINT='${withoutUserinfo(endpoint)}' is not a URL; expected e.g. http://127.0.0.1:7070`);
  }
  if (endpoint && /[?#]/.test(endpoint)) {
    throw new Error(`SDH_S3_ENDPOINT='${withoutUserinfo(endpoint)}' carries a query or fragment; give scheme://host[:port] only (credentials go in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)`);
  }
  if (endpoint && /^https?:\/\/[^/]*@/.test(endpoint)) {
    throw new Error(`SDH_S3_ENDPOINT='${withoutUserinfo(endpoint)}' carries credentials (user:password@); give them in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an AWS profile) instead`);
  }
  const pathStyle = env.SDH_S3_FORCE_PATH_STYLE;
  if (pathStyle !== undefined && pathStyle !== "" && pathStyle !== "true" && pathStyle !== "false") {
    throw new Error(`SDH_S3_FORCE_PATH_STYLE='${pathStyle}' must be 'true' or 'false'`);
  }
  return {
    endpoint,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1",
    // Local gateways serve buckets by path, not by virtual host.
    forcePathStyle: pathStyle === undefined || pathStyle === "" ? endpoint !== undefined : pathStyle === "true",
  };
}

/** A connection not made in this long fails (and is retried by the SDK). */
export const S3_CONNECT_TIMEOUT_MS = 10_000;
/**
 * A request whose socket moves no byte for this long fails: an upload the server stopped reading, a
 * download that stalled. Idle time, not total time, so a large file on a slow link is fine.
 */
export const S3_IDLE_TIMEOUT_MS = 60_000;

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    requestHandler: { connectionTimeout: S3_CONNECT_TIMEOUT_MS, requestTimeout: S3_IDLE_TIMEOUT_MS },
  });
}
