import { z } from "zod";
import { IsoDate } from "./common.js";
import { SCHEMA_VERSION } from "./version.js";

export const OutputFormat = z.enum(["csv", "json", "jsonl", "parquet"]);
export type OutputFormat = z.infer<typeof OutputFormat>;

export const IdentifierStyle = z.enum(["realistic", "synthetic"], { error: "must be realistic or synthetic" });
export type IdentifierStyle = z.infer<typeof IdentifierStyle>;

/** A whole number in [min, max]; `what` completes "must be …" in the messages. */
function wholeNumber(what: string, min: number, max: number, bounds = { below: `must be at least ${min.toLocaleString("en-US")}`, above: `must be at most ${max.toLocaleString("en-US")}` }) {
  return z
    .number({ error: `must be ${what}` })
    .int({ error: `must be ${what}` })
    .min(min, { error: bounds.below })
    .max(max, { error: bounds.above });
}

const SEED_RANGE = "a whole number from 0 to 2^53 - 1";

/** A pack's settings as a config gives them: names to values, which the pack itself checks (packs' `settings` schema). */
const PackSettingsInput = z
  .record(z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, { error: "a setting's name is camelCase letters and digits, such as lobMix" }), z.unknown(), { error: (issue) => (issue.code === "invalid_type" ? "must be the pack's settings, as an object of names and values" : issue.code === "invalid_key" ? "a setting's name is camelCase letters and digits, such as lobMix" : undefined) })
  .refine((settings) => Object.keys(settings).length <= 20, { error: "at most 20 settings" });

/** A layout's unknown field, named with the fields its kind has. */
const unknownLayoutField = (allowed: string) => (issue: { code?: string; keys?: readonly string[] }) =>
  issue.code === "unrecognized_keys" ? `unknown field(s) ${(issue.keys ?? []).map((k) => `'${k}'`).join(", ")}; allowed: ${allowed}` : undefined;

/** Fields schema 0.9 moved from the config into the P&C pack's settings, and how to write them now. */
const MOVED_TO_SETTINGS: Readonly<Record<string, string>> = { lobMix: "settings.lobMix", vehiclesPerPerson: "settings.vehiclesPerPerson", identifiers: "settings.identifiers" };

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
    settings: PackSettingsInput.default({}).describe(
      "The pack's own settings (ADR 0016): each pack declares and checks its own. pc: lobMix (the share of personal households and commercial accounts), vehiclesPerPerson (vehicles a personal household keeps), identifiers (realistic or synthetic licence numbers and plates); fintech and recipes: none",
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
    layout: z
      .discriminatedUnion(
        "kind",
        [
          z.strictObject({ kind: z.literal("files") }, { error: unknownLayoutField("kind") }),
          z.strictObject({ kind: z.literal("parts"), roots: wholeNumber("a whole number of root records per part", 1, 10_000_000) }, { error: unknownLayoutField("kind, roots") }),
        ],
        { error: "must be { kind: files } or { kind: parts, roots: N }" },
      )
      .optional()
      .describe("How the data files are laid out (ADR 0028): absent or files, one file per entity and format (split at 1 GiB); parts, <entity>/part-NNNNN.<format>, each part the records of `roots` root records, written by the worker that builds them"),
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
// Nor the recipe: its text ships as a file of its own (recipe_v0_9.yaml), listed and checksummed in
// the manifest, and its sha256 is in the snapshot id's digest.
export const RecordedConfig = SnapshotConfig.omit({ shardSize: true, recipe: true })
  .extend({
    shardSize: z.number().int().min(1).optional().describe("Written by generator 0.1.0 only: how that build split its work"),
    // Read as recorded, so that manifests of earlier schema versions (another layout tag) stay readable:
    // 0.1.x recorded vehiclesPerPerson.commercial and no identifiers.
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/, { error: "must be a schema version like 0.2.0" }).describe("Schema version of the records"),
    // Until schema 0.9 the P&C settings were fields of every config (and every pack's manifest).
    lobMix: z.object({ personal: z.number().describe("Share of personal-lines households"), commercial: z.number().describe("Share of commercial accounts") }).optional().describe("Schemas 0.1-0.8: share of households and business accounts (since 0.9: settings.lobMix)"),
    vehiclesPerPerson: z
      .object({ personal: z.array(z.number()).describe("Probability of owning 0, 1, 2, … vehicles"), commercial: z.array(z.number()).optional().describe("Schema 0.1 only: vehicles per commercial person") })
      .optional()
      .describe("Schemas 0.1-0.8: distribution of vehicles per person, as recorded (since 0.9: settings.vehiclesPerPerson)"),
    identifiers: IdentifierStyle.optional().describe("Schemas 0.2-0.8: realistic or synthetic licence numbers and plates (since 0.9: settings.identifiers)"),
    settings: z.record(z.string(), z.unknown()).optional().describe("Since schema 0.9: the pack's settings, each one recorded (defaults included)"),
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
  if (result.success) {
    // Parts are made of whole shards, so the shard size never places a part's boundary (ADR 0028).
    const { layout, shardSize } = result.data;
    if (layout?.kind === "parts" && layout.roots % shardSize !== 0) {
      throw new ConfigError([`layout.roots: must be a multiple of shardSize (${shardSize.toLocaleString("en-US")}), so every part is made of whole shards; got ${layout.roots.toLocaleString("en-US")}`]);
    }
    return result.data;
  }
  const problems = result.error.issues.flatMap((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "config";
    if (issue.code === "unrecognized_keys") {
      // A nested object says why itself (vehiclesPerPerson since 0.2); the top level lists its fields,
      // and sends a field schema 0.9 moved into the P&C pack's settings to where it went.
      if (issue.path.length) return [`${field}: ${issue.message}`];
      const moved = issue.keys.filter((k) => k in MOVED_TO_SETTINGS);
      const unknown = issue.keys.filter((k) => !(k in MOVED_TO_SETTINGS));
      return [
        ...moved.map((k) => `${k}: a setting of the pc pack since schema 0.9: write it as ${MOVED_TO_SETTINGS[k]}`),
        ...(unknown.length ? [`${field}: unknown field(s) ${unknown.map((k) => `'${k}'`).join(", ")}; allowed: ${Object.keys(SnapshotConfig.shape).join(", ")}`] : []),
      ];
    }
    const given = "input" in issue ? ` (got ${JSON.stringify(issue.input)})` : "";
    return [`${field}: ${issue.message}${given}`];
  });
  throw new ConfigError(problems);
}
