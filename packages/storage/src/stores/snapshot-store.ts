/**
 * Where published snapshots live: a local folder or an S3 prefix, behind the few operations the
 * publish and pull protocols need. Keys are `/`-separated paths under the store's root
 * (`v0.9/<snapshotId>/persons_v0_9.csv`).
 */
export interface SnapshotStore {
  /** `s3://bucket/prefix` or the folder's path: how messages name the store. */
  readonly location: string;
  /** The object's text, or null when there is none; RefusedObjectError above MAX_DOCUMENT_BYTES. */
  readText(key: string): Promise<Versioned<string> | null>;
  /** Names directly under `prefix` (`v0.9/` → the snapshot ids), sorted; in a folder, only real folders and files. */
  listChildren(prefix: string): Promise<string[]>;
  /**
   * Uploads a file whose size and sha256 are known; the store checks the bytes it received against
   * them. A file of another size fails before anything is sent. On S3 the sha256 is also stored as
   * the object's `x-amz-meta-sha256`, where any client can read it.
   */
  putFile(key: string, path: string, file: { bytes: number; sha256: string }, options?: PutOptions): Promise<void>;
  /**
   * Writes `text` only when the object is absent (`version` undefined) or still at `version`: the
   * store's compare-and-set. Returns false when someone else got there first.
   */
  putTextIf(key: string, text: string, version: string | undefined): Promise<boolean>;
  /** Writes a small text object, replacing whatever is there (publish tickets; never a snapshot's file). */
  putText(key: string, text: string): Promise<void>;
  /**
   * Streams the object to `path`; returns its size and sha256 as received. With `expectedBytes`, an
   * object of another size fails before (or, past that many bytes, while) it is read, never after.
   */
  download(key: string, path: string, expectedBytes?: number): Promise<{ bytes: number; sha256: string }>;
  /**
   * `length` bytes of the object from `offset` (a ranged GET on S3): what reading a few buckets of a
   * large staged key file takes. Fails unless exactly that many bytes come back, or when it is absent.
   */
  readRange(key: string, offset: number, length: number): Promise<Uint8Array>;
  /** Every object under `prefix`, at any depth, sorted by key. */
  listObjects(prefix: string): Promise<StoredObject[]>;
  /** Removes these objects; a key already gone is not an error. */
  deleteObjects(keys: string[]): Promise<void>;
  /**
   * Multipart uploads started under `prefix` and never completed or aborted (a publisher killed
   * mid-file): invisible to listings, but stored. A folder has none: its copies are plain files.
   */
  listPendingUploads(prefix: string): Promise<PendingUpload[]>;
  /** Aborts these uploads, freeing their parts; one already gone is not an error. */
  abortPendingUploads(uploads: readonly PendingUpload[]): Promise<void>;
}

export interface PendingUpload {
  key: string;
  uploadId: string;
  /** When it was started, in ms since the epoch. */
  initiated: number;
}

export interface PutOptions {
  /** Aborts the upload (a cancelled activity, a draining worker). */
  signal?: AbortSignal;
  /** Called with each chunk's byte count as it is sent. */
  onBytes?: (bytes: number) => void;
}

/** An object as a listing gives it: enough to judge its age and what removing it frees. */
export interface StoredObject {
  key: string;
  bytes: number;
  /** Last written, in ms since the epoch. */
  lastModified: number;
}

/** A value with the version a compare-and-set needs (an ETag, or a local file's content digest). */
export interface Versioned<T> {
  value: T;
  version: string;
}

/** The store refused or could not be reached: one clear message, for a human. */
export class StoreError extends Error {
  override name = "StoreError";
}

/**
 * What is stored under a key is not a plain object of the store: in a folder, a symbolic link, a FIFO,
 * a device or a folder where a file should be, or a document larger than documents are. Never read.
 */
export class RefusedObjectError extends StoreError {
  override name = "RefusedObjectError";
}

export { MAX_DOCUMENT_BYTES } from "@sdh/local-files";

/** Content types by extension: consumers' tools (browsers, DuckDB's httpfs, pandas) rely on them. */
export function contentTypeOf(key: string): string {
  if (key.endsWith(".csv")) return "text/csv; charset=utf-8";
  if (key.endsWith(".json")) return "application/json";
  // JSON Lines: the type its readers (and the ndjson spec) name; not JSON, one document per line.
  if (key.endsWith(".jsonl")) return "application/x-ndjson";
  if (key.endsWith(".parquet")) return "application/vnd.apache.parquet";
  if (key.endsWith(".md")) return "text/markdown; charset=utf-8";
  if (key.endsWith("SHA256SUMS")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}
