import { Entity, SnapshotPath } from "@sdh/schemas";
import { z } from "zod";

/** `export.json` in a snapshot's staging: what exportSnapshot wrote, read by publishManifest (maybe on another worker). */
export const ExportRecord = z.object({
  fingerprint: z.string(),
  summary: z.object({ files: z.number().int().min(0), bytes: z.number().int().min(0) }),
  // The data files the export wrote (WrittenFile), each with the digest publishManifest checks.
  files: z.array(
    z.object({
      path: SnapshotPath,
      entity: Entity,
      format: z.enum(["csv", "json", "jsonl", "parquet"]),
      records: z.number().int().min(0),
      bytes: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type ExportRecord = z.infer<typeof ExportRecord>;
