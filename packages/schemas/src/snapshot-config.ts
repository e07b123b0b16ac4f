import { z } from "zod";
import { IsoDate } from "./common.js";
import { SCHEMA_VERSION } from "./version.js";

export const OutputFormat = z.enum(["csv", "json", "jsonl", "parquet"]);
export type OutputFormat = z.infer<typeof OutputFormat>;

export const IdentifierStyle = z.enum(["realistic", "synthetic"], { error: "must be realistic or synthetic" });
export type IdentifierStyle = z.infer<typeof IdentifierStyle>;

const sumsToOne = (weights: readonly number[]) => Math.abs(weights.reduce((a, b) => a + b, 0) - 1) < 1e-9;

/**
 * Vehicles a personal household keeps (0, 1, 2, 3, 4): the 2001 National Household Travel Survey's
 * distribution (BTS special report 2007-10-03, table 1, "Overall": 7.2% none, 30.8% one, 37.7% two,
 * 24.3% three or more; public domain, US Government work), its "three or more" split two to one between
 * three and four (a rule) so the mean is 1.87 — NHTS's 1.9 (2001) and 1.88 (2017) vehicles a household.
 */
const VEHICLES_PER_HOUSEHOLD_NHTS = [0.072, 0.308, 0.377, 0.162, 0.081];

/** Probability of each vehicle count: weights[k] is the share of personal households that keep k vehicles. */
const VehicleCountWeights = z
  .array(z.number().min(0).max(1), { error: "must be a list of probabilities, one per vehicle count from 0" })
  .min(1)
  .max(51)
  .refine(sumsToOne, { error: "the probabilities must add up to 1" })
  .describe("Probability of owning 0, 1, 2, … vehicles; adds up to 1");

/** A whole number in [min, max]; `what` completes "must be …" in the messages. */
function wholeNumber(what: string, min: number, max: number, bounds = { below: `must be at least ${min.toLocaleString("en-US")}`, above: `must be at most ${max.toLocaleString("en-US")}` }) {
  return z
    .number({ error: `must be ${what}` })
    .int({ error: `must be ${what}` })
    .min(min, { error: bounds.below })
    .max(max, { error: bounds.above });
}

const SEED_RANGE = "a whole number from 0 to 2^53 - 1";

/**
 * What a snapshot is built from. Together with the generator version it fixes every byte of the
 * data files: no field here may be defaulted from the clock or the machine.
 */
export const SnapshotConfig = z
  .object({
    pack: z
      .string({ error: "must be the name of an entity pack, such as pc or fintech" })
      .regex(/^[a-z][a-z0-9-]{0,39}$/, { error: "must be the name of an entity pack (lowercase letters, digits and dashes), such as pc or fintech" })
      .default("pc")
      .describe("The entity pack that declares the dataset (ADR 0016): pc (insurance households, the default) or fintech; which packs exist is checked where the config is used"),
    records: wholeNumber("a whole number of root records", 1, 100_000_000)
      .default(200)
      .describe("Number of root records of the pack: households and business accounts in pc (their persons, vehicles, policies… follow from them), customers in fintech"),
    seed: wholeNumber(SEED_RANGE, 0, Number.MAX_SAFE_INTEGER, { below: `must be ${SEED_RANGE}`, above: `must be ${SEED_RANGE}` })
      .default(42)
      .describe("Seed of every random choice; the same seed and config give the same bytes"),
    asOf: IsoDate.default("2026-01-06").describe("Reference date (YYYY-MM-DD) for ages, licence and model years; never 'today'"),
    lobMix: z
      .object({ personal: z.number().min(0).max(1).describe("Share of personal-lines households"), commercial: z.number().min(0).max(1).describe("Share of commercial accounts") })
      .refine((m) => sumsToOne([m.personal, m.commercial]), { error: "personal + commercial must add up to 1" })
      .default({ personal: 0.85, commercial: 0.15 })
      .describe("Share of households (personal lines) and business accounts (commercial lines)"),
    // Since 0.2 commercial fleets follow their business archetype (1 to hundreds of vehicles), so only
    // personal lines take a distribution here.
    vehiclesPerPerson: z
      .strictObject(
        { personal: VehicleCountWeights },
        { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(", ")}; only 'personal' is allowed: since schema 0.2 commercial fleet sizes follow the business archetype` : undefined) },
      )
      .default({ personal: VEHICLES_PER_HOUSEHOLD_NHTS })
      .describe("Distribution of the vehicles a personal-lines household keeps (the name is kept from schema 0.2)"),
    identifiers: IdentifierStyle.default("realistic").describe(
      "realistic: licence numbers and plates in live state formats (could match a real person in a system wired to a live vendor); synthetic: unmistakably fake ones (licences SYN…, plates ZZ…)",
    ),
    shardSize: wholeNumber("a whole number of root records per shard", 1, 10_000_000)
      .default(50_000)
      .describe("Root records (households in pc) per shard; changes how work is split, never the data"),
    formats: z
      .array(OutputFormat, { error: "must be a list of formats: csv, json, jsonl, parquet" })
      .min(1, { error: "must name at least one format: csv, json, jsonl, parquet" })
      .refine((f) => new Set(f).size === f.length, { error: "must not repeat a format" })
      .default(["csv", "json", "parquet"])
      .describe("Files to write per entity"),
    recipe: z
      .strictObject({
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "must be the recipe text's sha256, 64 hex digits" }),
        text: z.string().max(1024 * 1024, { error: "a recipe is at most 1 MiB" }),
      })
      .optional()
      .describe("A recipe (a domain declared as data, `sdh generate --recipe`): its text as given and that text's sha256. The snapshot's pack is then the recipe's, named as the recipe names itself"),
    // A config of an earlier patch of this schema version (a schedule made before an upgrade) builds
    // with this one: patches never rename files (governance/versioning.md).
    schemaVersion: z
      .string({ error: `must be ${SCHEMA_VERSION}, the schema version this build writes` })
      .refine((v) => v.split(".").slice(0, 2).join(".") === SCHEMA_VERSION.split(".").slice(0, 2).join(".") && /^\d+\.\d+\.\d+$/.test(v), {
        error: `must be ${SCHEMA_VERSION} (or an earlier ${SCHEMA_VERSION.split(".").slice(0, 2).join(".")}.x patch), the schema version this build writes`,
      })
      .transform(() => SCHEMA_VERSION)
      .default(SCHEMA_VERSION)
      .describe("Schema version of the records"),
  })
  .strict()
  .describe("The configuration of one snapshot");

export type SnapshotConfig = z.infer<typeof SnapshotConfig>;

/**
 * The config as a snapshot records it (manifest, metadata): what shapes its bytes, so not the shard
 * size, which only splits the work. Snapshots of generator 0.1.0 recorded a shardSize; it is still
 * read, never written.
 */
// Nor the recipe: its text ships as a file of its own (recipe_v0_8.yaml), listed and checksummed in
// the manifest, and its sha256 is in the snapshot id's digest.
export const RecordedConfig = SnapshotConfig.omit({ shardSize: true, recipe: true })
  .extend({
    shardSize: z.number().int().min(1).optional().describe("Written by generator 0.1.0 only: how that build split its work"),
    // Read as recorded, so that manifests of earlier schema versions (another layout tag) stay readable:
    // 0.1.x recorded vehiclesPerPerson.commercial and no identifiers.
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/, { error: "must be a schema version like 0.2.0" }).describe("Schema version of the records"),
    vehiclesPerPerson: z
      .object({ personal: VehicleCountWeights, commercial: VehicleCountWeights.optional().describe("Schema 0.1 only: vehicles per commercial person") })
      .describe("Distribution of vehicles per person, as recorded"),
    identifiers: IdentifierStyle.optional().describe("realistic or synthetic licence numbers and plates (absent before schema 0.2)"),
    pack: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).optional().describe("The entity pack (absent before schema 0.7: the pc pack)"),
  })
  .describe("The configuration a snapshot was built from (all but the shard size)");
export type RecordedConfig = z.infer<typeof RecordedConfig>;

/** The config a snapshot records: the shard size dropped, so any sharding records the same bytes; the recipe, shipped beside it. */
export function recordedConfig(config: SnapshotConfig): RecordedConfig {
  const { shardSize: _work, recipe: _shipped, ...recorded } = config;
  return recorded as RecordedConfig;
}
export type SnapshotConfigInput = z.input<typeof SnapshotConfig>;

/** A config that failed validation: one line per invalid field, each saying what was given and what is allowed. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid snapshot config:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseSnapshotConfig(input: unknown): SnapshotConfig {
  const result = SnapshotConfig.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "config";
    if (issue.code === "unrecognized_keys") {
      // A nested object says why itself (vehiclesPerPerson since 0.2); the top level lists its fields.
      if (issue.path.length) return `${field}: ${issue.message}`;
      return `${field}: unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(", ")}; allowed: ${Object.keys(SnapshotConfig.shape).join(", ")}`;
    }
    const given = "input" in issue ? ` (got ${JSON.stringify(issue.input)})` : "";
    return `${field}: ${issue.message}${given}`;
  });
  throw new ConfigError(problems);
}
