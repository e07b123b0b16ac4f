/** Where a snapshot is published to or pulled from. */
export type Target = { kind: "local"; path: string } | { kind: "s3"; bucket: string; prefix: string };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Parses `s3://bucket/prefix`, `file:///abs/path` or a plain path. Errors say what was given and
 * what is allowed, since this is usually a flag somebody typed.
 */
export function parseTarget(uri: string): Target {
  if (uri.trim() === "") throw new Error("target is empty; expected s3://bucket/prefix or a folder path");
  if (uri.startsWith("s3://")) {
    const rest = uri.slice("s3://".length);
    const slash = rest.indexOf("/");
    const bucket = slash === -1 ? rest : rest.slice(0, slash);
    const prefix = slash === -1 ? "" : rest.slice(slash + 1).replace(/\/+$/, "");
    if (!BUCKET.test(bucket)) {
      throw new Error(`'${uri}': bucket '${bucket}' is not a valid S3 bucket name (3-63 characters: lowercase letters, digits, '.', '-')`);
    }
    // Each part of the prefix is a plain name: '..', '.', '//' or a backslash would be refused by S3
    // only at the first upload, minutes into a build.
    const bad = prefix.split("/").find((part) => part === "" || part === "." || part === ".." || part.includes("\\"));
    if (prefix !== "" && bad !== undefined) {
      throw new Error(`'${uri}': the prefix '${prefix}' has an empty, '.' or '..' part or a backslash; use '/'-separated names, e.g. s3://${bucket}/nightly`);
    }
    return { kind: "s3", bucket, prefix };
  }
  if (uri.startsWith("file://")) return { kind: "local", path: decodeURIComponent(new URL(uri).pathname) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) {
    throw new Error(`'${uri}': unsupported scheme; expected s3://bucket/prefix, file:///path or a folder path`);
  }
  return { kind: "local", path: uri };
}
