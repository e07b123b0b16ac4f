import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { BULK_READ_BYTES, localFileProblem, MAX_DOCUMENT_BYTES, writeWithDigest } from "@sdh/local-files";
import { s3Failure } from "./s3-errors.js";
import { contentTypeOf, RefusedObjectError, StoreError, type PendingUpload, type PutOptions, type SnapshotStore, type StoredObject, type Versioned } from "./snapshot-store.js";

/** Files above this go up in parts (S3 takes 5 GiB in one PUT, but parts retry and run in parallel). */
export const MULTIPART_THRESHOLD = 64 * 1024 * 1024;
export const PART_BYTES = 16 * 1024 * 1024;
const PARALLEL_PARTS = 4;

/** An S3 prefix as a snapshot store. Every upload carries its SHA-256, which S3 checks. */
/** Attempts of a small write that lost a race with a concurrent delete of its parent folder (see putText). */
const PUT_RACE_ATTEMPTS = 4;

export class S3Store implements SnapshotStore {
  readonly location: string;
  private readonly root: string;
  private readonly multipartThreshold: number;
  private readonly partBytes: number;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    prefix: string,
    private readonly endpoint = "AWS",
    /** Where uploads switch to parts, and the part size (S3's minimum part is 5 MiB). */
    parts: { threshold?: number; partBytes?: number } = {},
  ) {
    this.root = prefix ? `${prefix.replace(/\/+$/, "")}/` : "";
    this.location = `s3://${bucket}/${this.root}`;
    this.multipartThreshold = parts.threshold ?? MULTIPART_THRESHOLD;
    this.partBytes = parts.partBytes ?? PART_BYTES;
  }

  /** A GET link anyone holding it may use for `seconds` (`sdh serve` redirects downloads to it). */
  presignedUrl(key: string, seconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: this.root + key }), { expiresIn: seconds });
  }

  async readText(key: string): Promise<Versioned<string> | null> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.root + key }));
      if ((object.ContentLength ?? 0) > MAX_DOCUMENT_BYTES) {
        object.Body?.transformToWebStream().cancel().catch(() => undefined);
        throw new RefusedObjectError(`${key} holds ${object.ContentLength} bytes; at most ${MAX_DOCUMENT_BYTES} are read`);
      }
      return { value: await object.Body!.transformToString("utf8"), version: object.ETag! };
    } catch (error) {
      if ((error as { name?: string }).name === "NoSuchKey") return null;
      if (error instanceof RefusedObjectError) throw error;
      throw this.failure(error, `reading ${this.location}${key}`);
    }
  }

  async listChildren(prefix: string): Promise<string[]> {
    const names = new Set<string>();
    const Prefix = this.root + prefix;
    let ContinuationToken: string | undefined;
    try {
      do {
        const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix, Delimiter: "/", ContinuationToken }));
        for (const p of page.CommonPrefixes ?? []) names.add(p.Prefix!.slice(Prefix.length).replace(/\/$/, ""));
        for (const o of page.Contents ?? []) names.add(o.Key!.slice(Prefix.length));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    } catch (error) {
      throw this.failure(error, `listing ${this.location}${prefix}`);
    }
    return [...names].filter(Boolean).sort();
  }

  async listObjects(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    let ContinuationToken: string | undefined;
    try {
      do {
        const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.root + prefix, ContinuationToken }));
        for (const o of page.Contents ?? []) found.push({ key: o.Key!.slice(this.root.length), bytes: o.Size ?? 0, lastModified: o.LastModified?.getTime() ?? 0 });
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    } catch (error) {
      throw this.failure(error, `listing ${this.location}${prefix}`);
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async deleteObjects(keys: string[]): Promise<void> {
    // DeleteObjects takes at most 1,000 keys, and reports failed keys in its answer rather than throwing.
    for (let k = 0; k < keys.length; k += 1_000) {
      const batch = keys.slice(k, k + 1_000);
      let errors;
      try {
        const answer = await this.s3.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((key) => ({ Key: this.root + key })), Quiet: true } }));
        errors = answer.Errors ?? [];
      } catch (error) {
        throw this.failure(error, `removing ${batch.length} object(s) under ${this.location}`);
      }
      if (errors.length) {
        const first = errors[0]!;
        throw new StoreError(`could not remove ${errors.length} object(s) under ${this.location}, e.g. ${first.Key}: ${first.Code ?? "error"} ${first.Message ?? ""}`.trim());
      }
    }
  }

  async listPendingUploads(prefix: string): Promise<PendingUpload[]> {
    const found: PendingUpload[] = [];
    let KeyMarker: string | undefined;
    let UploadIdMarker: string | undefined;
    try {
      do {
        const page = await this.s3.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: this.root + prefix, KeyMarker, UploadIdMarker }));
        for (const u of page.Uploads ?? []) found.push({ key: u.Key!.slice(this.root.length), uploadId: u.UploadId!, initiated: u.Initiated?.getTime() ?? 0 });
        [KeyMarker, UploadIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextUploadIdMarker] : [undefined, undefined];
      } while (KeyMarker);
    } catch (error) {
      throw this.failure(error, `listing the unfinished uploads under ${this.location}${prefix}`);
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async abortPendingUploads(uploads: readonly PendingUpload[]): Promise<void> {
    for (const u of uploads) {
      try {
        await this.s3.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.root + u.key, UploadId: u.uploadId }));
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchUpload") continue;
        throw this.failure(error, `aborting the upload of ${this.location}${u.key}`);
      }
    }
  }

  async putFile(key: string, path: string, file: { bytes: number; sha256: string }, options: PutOptions = {}): Promise<void> {
    const Key = this.root + key;
    const ContentType = contentTypeOf(key);
    const { signal, onBytes } = options;
    // A body shorter than its Content-Length leaves S3 waiting for bytes that never come.
    await ensureSize(path, file.bytes);
    // The whole file's sha256, readable by any client (a multipart object's own checksum is per part).
    const Metadata = { sha256: file.sha256 };
    try {
      if (file.bytes <= this.multipartThreshold) {
        await this.s3.send(
          new PutObjectCommand({ Bucket: this.bucket, Key, Body: counted(createReadStream(path, { highWaterMark: BULK_READ_BYTES }), onBytes), ContentLength: file.bytes, ContentType, Metadata, ChecksumAlgorithm: "SHA256", ChecksumSHA256: base64Of(file.sha256) }),
          { abortSignal: signal },
        );
      } else {
        await this.putInParts(Key, path, file, ContentType, options);
      }
      // Confirm what S3 holds: the size, and its SHA-256 (for a single PUT also S3's own checksum).
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key, ChecksumMode: "ENABLED" }), { abortSignal: signal });
      const checksumOk = head.Metadata?.sha256 === file.sha256 && (file.bytes > this.multipartThreshold || head.ChecksumSHA256 === base64Of(file.sha256));
      if (head.ContentLength !== file.bytes || !checksumOk) {
        throw new StoreError(`${this.location}${key}: S3 holds ${head.ContentLength} bytes (checksum ${head.ChecksumSHA256}); uploaded ${file.bytes} bytes, sha256 ${file.sha256}`);
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw this.failure(error, `uploading ${path} to ${this.location}${key}`);
    }
  }

  async putText(key: string, text: string): Promise<void> {
    const Body = Buffer.from(text, "utf8");
    const put = new PutObjectCommand({ Bucket: this.bucket, Key: this.root + key, Body, ContentType: contentTypeOf(key), ...checksums(Body) });
    for (let attempt = 1; ; attempt++) {
      try {
        await this.s3.send(put);
        return;
      } catch (error) {
        // A gateway on a file-system backend (Versity's posix) answers 409 ExistingObjectIsDirectory
        // when a concurrent delete removes the key's now-empty parent folder while this write creates
        // it — publish tickets of one id do exactly that. Transient: the next attempt finds no race.
        const code = (error as { Code?: string }).Code ?? (error as Error).name;
        if (code === "ExistingObjectIsDirectory" && attempt < PUT_RACE_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
          continue;
        }
        throw this.failure(error, `writing ${this.location}${key}`);
      }
    }
  }

  async putTextIf(key: string, text: string, version: string | undefined): Promise<boolean> {
    const Body = Buffer.from(text, "utf8");
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.root + key,
          Body,
          ContentType: contentTypeOf(key),
          ...checksums(Body),
          ...(version === undefined ? { IfNoneMatch: "*" } : { IfMatch: version }),
        }),
      );
      return true;
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === "PreconditionFailed" || e.$metadata?.httpStatusCode === 412 || e.$metadata?.httpStatusCode === 409) return false;
      throw this.failure(error, `writing ${this.location}${key}`);
    }
  }

  async download(key: string, path: string, expectedBytes?: number): Promise<{ bytes: number; sha256: string }> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.root + key }));
      if (expectedBytes !== undefined && object.ContentLength !== expectedBytes) {
        (object.Body as { destroy?: () => void } | undefined)?.destroy?.(); // not read: a wrong size says enough
        throw new StoreError(`${this.location}${key} holds ${object.ContentLength} bytes, the manifest says ${expectedBytes}; not downloaded`);
      }
      return await writeWithDigest(object.Body as NodeJS.ReadableStream, path, { maxBytes: expectedBytes });
    } catch (error) {
      if (error instanceof StoreError) throw error;
      // Our own disk, not S3: said as such.
      const local = localFileProblem(error);
      if (local) throw new StoreError(`writing ${path}: ${local}`);
      throw this.failure(error, `downloading ${this.location}${key}`);
    }
  }

  async readRange(key: string, offset: number, length: number): Promise<Uint8Array> {
    if (length === 0) return new Uint8Array(0);
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.root + key, Range: `bytes=${offset}-${offset + length - 1}` }));
      const bytes = await object.Body!.transformToByteArray();
      if (bytes.length !== length) throw new StoreError(`${this.location}${key}: asked for ${length} bytes at ${offset}, got ${bytes.length}`);
      return bytes;
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw this.failure(error, `reading ${this.location}${key} at ${offset}`);
    }
  }

  /** Parts of PART_BYTES, four at a time, each with its SHA-256; the whole file's is checked as it is read. */
  private async putInParts(Key: string, path: string, file: { bytes: number; sha256: string }, ContentType: string, { signal, onBytes }: PutOptions): Promise<void> {
    const { UploadId } = await this.s3.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key, ContentType, Metadata: { sha256: file.sha256 }, ChecksumAlgorithm: "SHA256" }), { abortSignal: signal });
    const handle = await open(path, "r");
    const whole = createHash("sha256");
    const parts: CompletedPart[] = [];
    try {
      const count = Math.ceil(file.bytes / this.partBytes);
      for (let first = 0; first < count; first += PARALLEL_PARTS) {
        signal?.throwIfAborted();
        const batch = [];
        for (let n = first; n < Math.min(count, first + PARALLEL_PARTS); n++) {
          const length = Math.min(this.partBytes, file.bytes - n * this.partBytes);
          const body = Buffer.allocUnsafe(length);
          await handle.read(body, 0, length, n * this.partBytes);
          whole.update(body); // parts are read in order, so the whole-file hash stays sequential
          const ChecksumSHA256 = createHash("sha256").update(body).digest("base64");
          batch.push(
            this.s3
              .send(new UploadPartCommand({ Bucket: this.bucket, Key, UploadId, PartNumber: n + 1, Body: body, ContentLength: length, ChecksumAlgorithm: "SHA256", ChecksumSHA256 }), { abortSignal: signal })
              .then((r) => {
                onBytes?.(length);
                return { PartNumber: n + 1, ETag: r.ETag, ChecksumSHA256 };
              }),
          );
        }
        parts.push(...(await Promise.all(batch)));
      }
      if (whole.digest("hex") !== file.sha256) throw new StoreError(`${path} changed on disk: its sha256 is no longer ${file.sha256}`);
      await this.s3.send(new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId, MultipartUpload: { Parts: parts } }), { abortSignal: signal });
    } catch (error) {
      await this.s3.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId })).catch(() => undefined);
      throw error;
    } finally {
      await handle.close();
    }
  }

  private failure(error: unknown, what: string): StoreError {
    return s3Failure(error, what, { bucket: this.bucket, endpoint: this.endpoint });
  }
}

/** The file as it is now must have the size the manifest records, or nothing is sent. */
async function ensureSize(path: string, bytes: number): Promise<void> {
  const size = (await stat(path)).size;
  if (size !== bytes) throw new StoreError(`${path} has ${size} bytes, but ${bytes} were recorded when it was written: it changed since; nothing was uploaded`);
}

/**
 * The stream, reporting each chunk's size as the request reads it. Counted in a transform, not by a
 * 'data' listener on the file: a listener starts the file flowing at once, and for a body over 2 MB
 * the SDK first waits for the server's `100 Continue` — the bytes read meanwhile went to the listener
 * only, and the server waited forever for a body it had been promised (issue 18's coverages, the first
 * files over 2 MB under 64 MB, hung every publish with progress).
 */
function counted(stream: Readable, onBytes?: (bytes: number) => void): Readable {
  if (!onBytes) return stream;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  stream.once("error", (error) => counter.destroy(error));
  return stream.pipe(counter);
}

function base64Of(hex: string): string {
  return Buffer.from(hex, "hex").toString("base64");
}

/**
 * A document's checksums as every data file carries them: S3's own SHA-256 (checked on arrival) and
 * the hex digest as `x-amz-meta-sha256`, so a client can check a manifest, latest.json or a ticket
 * with a HEAD as it checks a data file.
 */
function checksums(body: Buffer) {
  const digest = createHash("sha256").update(body).digest();
  return { ChecksumAlgorithm: "SHA256" as const, ChecksumSHA256: digest.toString("base64"), Metadata: { sha256: digest.toString("hex") } };
}
