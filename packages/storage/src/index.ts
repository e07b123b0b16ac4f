export { parseTarget, type Target } from "./target.js";
export { s3SettingsFromEnv, createS3Client, type S3Settings } from "./s3-client.js";
export { snapshotStaging, type SnapshotStaging } from "./staging.js";
export { publishToFolder, publishedFolder, PublishConflictError } from "./local-publish.js";
