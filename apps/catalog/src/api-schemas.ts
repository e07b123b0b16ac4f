import { z } from "@hono/zod-openapi";
import { LearnedSummary } from "@sdh/recipes";
import { Counts, DatasetDescriptor, Manifest, QualityReport, ValidationReport } from "@sdh/schemas";

// Request and response shapes of the catalog API; the OpenAPI document at /openapi.json is generated
// from these (and the record schemas they reuse), so it cannot drift from what the server checks.

export const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
    .default(fallback)
    .openapi({ param: { name, in: "query" }, type: "integer", minimum: min, maximum: max, default: fallback });

export const TargetQuery = z.string().max(32).optional().openapi({ param: { name: "target", in: "query" }, description: "A served target's name (default: all)" });
export const VersionQuery = z.string().max(16).optional().openapi({ param: { name: "version", in: "query" }, description: "Schema version tag of the layout, e.g. v0.9" });

/**
 * A route's query parameters, and no others: a misspelt one (`?limt=5`, `?filtr=state=CA`) is a 400
 * naming it and the ones the route takes, never silently ignored (an unfiltered answer that looks filtered).
 */
export function queryOf<Shape extends z.ZodRawShape>(shape: Shape) {
  const takes = Object.keys(shape).join(", ") || "none";
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `unknown query parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k.slice(0, 40)}'`).join(", ")}; this route takes: ${takes}` : undefined),
  });
}

/** Read-only routes: no credentials (`security: []` says so explicitly; POST routes need the bearer token). */
export const PUBLIC = { security: [] as Array<Record<string, string[]>> };

/** For routes that take no query parameters. */
export const NoQuery = queryOf({});

export const ListQuery = queryOf({ target: TargetQuery, version: VersionQuery, limit: wholeNumber("limit", 1, 500, 50), offset: wholeNumber("offset", 0, 1_000_000, 0) });
export const SnapshotParams = z.object({ id: z.string().max(200).openapi({ param: { name: "id", in: "path" }, example: "2026-01-06-s42-0ab4c4de" }) });
const snapshotQuery = { target: TargetQuery, version: VersionQuery };
export const SnapshotQuery = queryOf(snapshotQuery);

export const SnapshotSummary = z
  .object({
    target: z.string().describe("The served target holding it"),
    snapshotId: z.string(),
    asOf: z.string(),
    seed: z.number().int(),
    generatedAt: z.string(),
    pack: z.string(),
    counts: Counts,
    files: z.number().int(),
    bytes: z.number().int(),
    validation: z.object({ passed: z.boolean(), errors: z.number().int(), warnings: z.number().int() }).describe("The validation gate's outcome, from the manifest"),
    latest: z.boolean().describe("latest.json of its target points at it"),
  })
  .openapi("SnapshotSummary");

export const SnapshotList = z
  .object({
    snapshots: z.array(SnapshotSummary).describe("Newest first (asOf, then generation time)"),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    skipped: z.array(z.object({ target: z.string(), key: z.string(), problem: z.string() })).describe("Stored documents that could not be read; the others are listed"),
  })
  .openapi("SnapshotList");

export const SnapshotDetail = z
  .object({
    target: z.string(),
    manifest: Manifest,
    validation: ValidationReport.nullable(),
    quality: QualityReport.nullable(),
    dataset: DatasetDescriptor.nullable(),
    learned: LearnedSummary.nullable().openapi({ description: "For a snapshot of a recipe sdh learn wrote: the fidelity and privacy it measured against the sample" }),
  })
  .openapi("SnapshotDetail");

export const RowsParams = SnapshotParams.extend({ entity: z.string().max(64).openapi({ param: { name: "entity", in: "path" }, example: "persons" }) });
export const RowsQuery = queryOf({
  ...snapshotQuery,
  limit: wholeNumber("limit", 1, 1_000, 100),
  offset: wholeNumber("offset", 0, 1_000_000_000, 0),
  filter: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ param: { name: "filter", in: "query", style: "form", explode: true }, description: "column=value, repeatable; rows whose column equals the value (compared as text)" }),
});
export const RowsPage = z
  .object({
    entity: z.string(),
    columns: z.array(z.object({ name: z.string(), type: z.string().describe("DuckDB's name of the Parquet column's type") })),
    rows: z.array(z.record(z.string(), z.unknown())),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi("RowsPage");

export const FileParams = SnapshotParams.extend({ path: z.string().max(300).openapi({ param: { name: "path", in: "path" }, description: "A file the manifest lists (URL-encoded: schemas%2Fpersons.schema.json), or the manifest", example: "persons_v0_9.parquet" }) });

export const ProblemDetails = z
  .object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), instance: z.string() })
  .openapi("Problem", { description: "RFC 9457 problem details" });

export const CompareParams = SnapshotParams.extend({ other: z.string().max(200).openapi({ param: { name: "other", in: "path" }, description: "The snapshot compared with {id}" }) });
export const CompareQuery = queryOf({ ...snapshotQuery, otherTarget: z.string().max(32).optional().openapi({ param: { name: "otherTarget", in: "query" }, description: "Where {other} is (default: target)" }) });
