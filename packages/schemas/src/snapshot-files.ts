import { z } from "zod";
import { IsoDate } from "./common.js";
import { RecordedConfig } from "./snapshot-config.js";
import { pathSetProblems, SnapshotId, SnapshotPath } from "./snapshot-paths.js";
import { versionedFileName } from "./version.js";

/** What a manifest file holds when it is not an entity's records. */
export const DOCUMENT_KINDS = ["dataset", "metadata", "schema", "report", "checksums"] as const;

/**
 * An entity's name, as a pack declares it (persons, policies, transactions…). Which names a snapshot
 * has is its pack's business: a manifest lists them in `counts`, and readers hold them to the pack.
 */
export const Entity = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "must be an entity name: lowercase letters, digits and underscores, starting with a letter" })
  .refine((name) => !(DOCUMENT_KINDS as readonly string[]).includes(name), { error: `must not be a document kind (${DOCUMENT_KINDS.join(", ")})` })
  .describe("An entity of the snapshot's pack");
export type Entity = string;

/**
 * Records per entity of the snapshot's pack (schema 0.7 on, any pack's entities; before, the P&C
 * pack's, an entity a later schema added being absent from older files).
 */
export const Counts = z.record(Entity, z.number().int().min(0)).describe("Records per entity of the snapshot's pack, in its declared order");
export type Counts = z.infer<typeof Counts>;

/** The entity pack that declared a snapshot's records (ADR 0016), and its version: the generator's. */
export const PackRef = z
  .object({ name: z.string().regex(/^[a-z][a-z0-9-]*$/).describe("The pack's name, as a config chooses it (pc)"), version: z.string().describe("The pack's version") })
  .describe("The entity pack of the records (schema 0.3 on)");
export type PackRef = z.infer<typeof PackRef>;

export const Generator = z
  .object({ name: z.string().describe("Generator name (sdh-rules)"), version: z.string().describe("Generator version; moves with any change to the bytes of a seeded snapshot") })
  .describe("The generator that built the data");
export type Generator = z.infer<typeof Generator>;

/** The manifest's own name: written last, never listed in itself. */
export const MANIFEST_FILE_NAME = versionedFileName("snapshot_manifest", "json");

/** One artifact of a snapshot, as the manifest lists it. */
export const ManifestFile = z.object({
  path: SnapshotPath,
  entity: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .describe(`What the file holds: an entity's records (one of \`counts\`), or a document: ${DOCUMENT_KINDS.join(", ")}`),
  format: z.enum(["csv", "json", "jsonl", "parquet", "markdown", "text"]).describe("File format"),
  records: z.number().int().min(0).nullable().describe("Records in a data file; null for other files"),
  bytes: z.number().int().min(0).describe("Size in bytes"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the bytes, lowercase hex"),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/** The snapshot's table of contents, written last: its presence commits the snapshot. Field names are public API. */
export const Manifest = z
  .object({
    snapshotId: SnapshotId,
    schemaVersion: z.string().describe("Schema version of the records"),
    seed: z.number().int().min(0).describe("Seed the data was generated from"),
    asOf: IsoDate.describe("Reference date of the data"),
    generatedAt: z.iso.datetime().describe("When the snapshot was built; the only wall-clock field"),
    generator: Generator,
    pack: PackRef.optional(),
    config: RecordedConfig,
    counts: Counts,
    files: z.array(ManifestFile).describe("Every file of the snapshot except the manifest itself"),
    validation: z
      .object({
        passed: z.boolean().describe("True when no error-severity rule failed (always true for a published snapshot)"),
        errors: z.number().int().min(0).describe("Error-severity rules with at least one failure"),
        warnings: z.number().int().min(0).describe("Warning-severity rules with at least one failure"),
      })
      .describe("Outcome of the validation gate"),
  })
  .superRefine((manifest, ctx) => {
    // Paths become files on a consumer's disk: each must be a file of its own in the folder.
    const paths = manifest.files.map((f) => f.path);
    for (const problem of pathSetProblems(paths)) ctx.addIssue({ code: "custom", path: ["files"], message: problem });
    if (paths.includes(MANIFEST_FILE_NAME)) ctx.addIssue({ code: "custom", path: ["files"], message: `lists ${MANIFEST_FILE_NAME}, which is the manifest itself` });
    // A data file belongs to an entity the manifest counts: its pack's.
    manifest.files.forEach((f, i) => {
      if (!(DOCUMENT_KINDS as readonly string[]).includes(f.entity) && !Object.hasOwn(manifest.counts, f.entity)) {
        ctx.addIssue({ code: "custom", path: ["files", i, "entity"], message: `${f.path} holds ${f.entity}, which is not an entity in counts (${Object.keys(manifest.counts).join(", ")})` });
      }
    });
  })
  .describe("snapshot_manifest_v0_9.json");
export type Manifest = z.infer<typeof Manifest>;

export const Contact = z.object({ role: z.string(), name: z.string(), email: z.string().email() });
export type Contact = z.infer<typeof Contact>;

/** dataset_v0_9.json: what the dataset is, for people browsing it. */
export const DatasetDescriptor = z
  .object({
    dataset: z.string(),
    title: z.string(),
    description: z.string(),
    schemaVersion: z.string(),
    entities: z.array(
      z.object({
        name: Entity,
        description: z.string(),
        primaryKey: z.string(),
        foreignKeys: z
          .array(z.object({ field: z.string(), entity: Entity, key: z.string() }).describe("field holds a key of another entity's record"))
          .optional()
          .describe("References to other entities' records (schema 0.3 on)"),
        records: z.number().int().min(0),
      }),
    ),
    contacts: z.array(Contact),
  })
  .describe("dataset_v0_9.json");
export type DatasetDescriptor = z.infer<typeof DatasetDescriptor>;

/** metadata_v0_9.json: how the snapshot was generated. Carries no wall-clock time, so it is reproducible. */
export const SnapshotMetadata = z
  .object({ snapshotId: z.string(), schemaVersion: z.string(), generator: Generator, pack: PackRef.optional(), seed: z.number().int(), asOf: IsoDate, config: RecordedConfig, counts: Counts })
  .describe("metadata_v0_9.json");
export type SnapshotMetadata = z.infer<typeof SnapshotMetadata>;

export const Severity = z.enum(["error", "warning"]);
export type Severity = z.infer<typeof Severity>;

/** The validation gate's findings. Error-severity failures block publishing. */
export const ValidationReport = z
  .object({
    passed: z.boolean().describe("True when no error-severity rule failed"),
    counts: Counts,
    errors: z.number().int().min(0).describe("Error-severity rules with at least one failure"),
    warnings: z.number().int().min(0).describe("Warning-severity rules with at least one failure"),
    rules: z.array(
      z.object({
        code: z.string().regex(/^[A-Z][A-Z0-9_]+$/).describe("Stable rule code, e.g. REF_VEHICLE_OWNER_MISSING"),
        severity: Severity,
        message: z.string(),
        failures: z.number().int().min(0),
        examples: z.array(z.unknown()).max(5).describe("The first few failing records or values"),
      }),
    ),
  })
  .describe("validation_report_v0_9.json");
export type ValidationReport = z.infer<typeof ValidationReport>;

/** `<version>/latest.json`: the newest committed snapshot. Read from a store, so checked like a manifest. */
export const LatestPointer = z
  .object({
    snapshotId: SnapshotId,
    asOf: IsoDate.describe("Reference date of the snapshot"),
    generatedAt: z.iso.datetime().describe("When it was built"),
    manifest: z
      .string()
      .describe("Its manifest's key from the target's root (the folder or prefix that holds `v0.9/`): `v0.9/<snapshotId>/snapshot_manifest_v0_9.json`; from latest.json's own folder, `<snapshotId>/snapshot_manifest_v0_9.json`"),
  })
  .describe("latest.json");
export type LatestPointer = z.infer<typeof LatestPointer>;

/** `.sdh-pull.json`, left by a partial pull: the files it took, which `sdh verify` checks. */
export const PullRecord = z
  .object({
    snapshotId: SnapshotId,
    files: z.array(SnapshotPath).min(1, "lists no file: a pull always takes at least one").describe("The paths the pull took"),
  })
  .describe(".sdh-pull.json");
export type PullRecord = z.infer<typeof PullRecord>;
