import { Entity, SnapshotPath } from "@sdh/schemas";
import { z } from "zod";

/** A data file an export wrote (WrittenFile), with the digest publishManifest checks. */
const ExportedFile = z.object({
  path: SnapshotPath,
  entity: Entity,
  format: z.enum(["csv", "json", "jsonl", "parquet"]),
  records: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** `export.json` in a snapshot's staging: what exportSnapshot (or collectParts) wrote, read by publishManifest (maybe on another worker). */
export const ExportRecord = z.object({
  fingerprint: z.string(),
  summary: z.object({ files: z.number().int().min(0), bytes: z.number().int().min(0) }),
  files: z.array(ExportedFile),
  /** The S3 target the files were uploaded to by their parts' workers (parts layout): not staged, not uploaded again. */
  uploadedTo: z.string().optional(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

/**
 * `parts/part-NNNNN.json` in a snapshot's staging: what exportPart wrote (and, with `uploadedTo`,
 * stored at that target). Its fingerprint names the part's shards and where the files went, so a
 * retried part reuses it only for the same shards and target.
 */
export const PartRecord = z.object({
  fingerprint: z.string(),
  part: z.number().int().min(0),
  uploadedTo: z.string().optional(),
  files: z.array(ExportedFile),
});
export type PartRecord = z.infer<typeof PartRecord>;
