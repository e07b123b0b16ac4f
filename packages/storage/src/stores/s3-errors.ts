import { StoreError } from "./snapshot-store.js";

/**
 * S3 refused the request itself (a checksum that does not match the bytes, a malformed key or
 * request): sending it again sends the same thing, so callers do not retry it.
 */
export class PermanentStoreError extends StoreError {
  override name = "PermanentStoreError";
}

const PERMANENT = new Set(["BadDigest", "InvalidDigest", "XAmzContentSHA256Mismatch", "InvalidRequest", "InvalidArgument", "KeyTooLongError", "EntityTooLarge", "InvalidObjectName"]);

/**
 * One clear message for what went wrong talking to S3, naming the fix: wrong credentials, a missing
 * bucket and an unreachable endpoint each get theirs. Anything else keeps S3's own words.
 */
export function s3Failure(error: unknown, what: string, where: { bucket: string; endpoint: string }): StoreError {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
  const name = e.name ?? "";
  const code = e.code ?? e.cause?.code ?? "";
  const status = e.$metadata?.httpStatusCode;
  let message: string;
  if (name === "CredentialsProviderError") {
    message = `no AWS credentials found for S3 at ${where.endpoint}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE`;
  } else if (name === "InvalidAccessKeyId" || name === "SignatureDoesNotMatch" || name === "AccessDenied" || name === "XAdminUserNotFound" || name === "InvalidClientTokenId" || status === 403) {
    message = `S3 at ${where.endpoint} refused the credentials (${name || status}): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)`;
  } else if (name === "NoSuchBucket") {
    message = `bucket '${where.bucket}' does not exist at ${where.endpoint}: create it, or check the bucket in the s3:// address`;
  } else if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH"].includes(code) || name === "TimeoutError" || /ECONNREFUSED|getaddrinfo|socket hang up/.test(e.message ?? "")) {
    message = `cannot reach S3 at ${where.endpoint} (${code || name}): is the endpoint right (SDH_S3_ENDPOINT) and the server up?`;
  } else {
    message = `S3 ${name || "error"}${status ? ` (HTTP ${status})` : ""}: ${e.message ?? String(error)}`;
  }
  if (PERMANENT.has(name) || (status === 400 && name !== "RequestTimeout")) return new PermanentStoreError(`${what}: ${message}; retrying cannot help`, { cause: error });
  return new StoreError(`${what}: ${message}`, { cause: error });
}
