import { resolve } from "node:path";
import { defaultSnapshotId } from "@sdh/exporters";
import { localFileProblem, NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import { PACK_NAMES, packOf, recipeSource, withPackSettings } from "@sdh/packs";
import { parseRecipe, RecipeError, RECIPE_LIMITS } from "@sdh/recipes";
import { parseTarget } from "@sdh/storage";
import { ConfigError, IdentifierStyle, OutputFormat, parseSnapshotConfig, snapshotIdProblem, type SnapshotConfig, type SnapshotConfigInput } from "@sdh/schemas";
import { UsageError } from "./usage-error.js";

/** The flags that make a snapshot config, shared by `generate` and `snapshot run`. */
export const CONFIG_FLAGS = {
  pack: { type: "string" },
  recipe: { type: "string" },
  records: { type: "string" },
  scale: { type: "string" },
  seed: { type: "string" },
  "as-of": { type: "string" },
  formats: { type: "string" },
  identifiers: { type: "string" },
  "commercial-share": { type: "string" },
  shards: { type: "string" },
  parts: { type: "string" },
  "snapshot-id": { type: "string" },
} as const;

/** The config's default shard size, which a part size that is a multiple of it keeps. */
const DEFAULT_SHARD_SIZE = 50_000;

export { CONFIG_FLAGS_HELP, configFlagsHelp } from "./config-flags-help.js";

type ConfigValues = { [K in keyof typeof CONFIG_FLAGS]?: string };

/** The config and snapshot id the flags describe; every bad flag is a UsageError naming what is allowed. */
export function configFromFlags(values: ConfigValues): { config: SnapshotConfig; snapshotId: string } {
  const input: SnapshotConfigInput = {};
  if (values.pack !== undefined) {
    if (!PACK_NAMES.includes(values.pack)) throw new UsageError(`--pack '${values.pack}' is not an entity pack this release ships; allowed: ${PACK_NAMES.join(", ")}`);
    input.pack = values.pack;
  }
  if (values.recipe !== undefined) {
    if (values.pack !== undefined) throw new UsageError("give --recipe or --pack, not both: a recipe declares its own dataset");
    const recipe = readRecipe(values.recipe);
    input.pack = recipe.name;
    input.recipe = recipe.source;
    // The recipe's own size, unless --records says otherwise; --scale multiplies it.
    if (values.records === undefined && recipe.records !== undefined) input.records = recipe.records;
    if (values.scale !== undefined) {
      if (values.records !== undefined) throw new UsageError("give --records or --scale, not both: --scale multiplies the recipe's own records");
      if (recipe.records === undefined) throw new UsageError(`--scale needs a recipe that states its records (records: N); ${values.recipe} does not: give --records`);
      const factor = Number(values.scale);
      if (!(factor > 0)) throw new UsageError(`--scale '${values.scale}' is not a number above 0`);
      input.records = Math.max(1, Math.round(recipe.records * factor));
    }
  } else if (values.scale !== undefined) throw new UsageError("--scale multiplies a recipe's records: give it with --recipe (a pack takes --records)");
  if (values.records !== undefined) input.records = numberOption("--records", values.records);
  if (values.seed !== undefined) input.seed = numberOption("--seed", values.seed);
  if (values["as-of"] !== undefined) input.asOf = values["as-of"];
  if (values.formats !== undefined) {
    const formats = values.formats.split(",").map((f) => f.trim());
    const unknown = formats.filter((f) => !(OutputFormat.options as readonly string[]).includes(f));
    if (unknown.length) throw new UsageError(`--formats: unknown format(s) ${unknown.join(", ")}; allowed: ${OutputFormat.options.join(", ")}`);
    input.formats = formats as SnapshotConfigInput["formats"];
  }
  if (values.identifiers !== undefined) {
    if (!(IdentifierStyle.options as readonly string[]).includes(values.identifiers)) {
      throw new UsageError(`--identifiers must be ${IdentifierStyle.options.join(" or ")} (got '${values.identifiers}')`);
    }
    // A setting of the P&C pack (since schema 0.9 in `settings`, which the pack checks).
    input.settings = { ...input.settings, identifiers: values.identifiers };
  }
  if (values["commercial-share"] !== undefined) {
    const share = numberOption("--commercial-share", values["commercial-share"]);
    if (share < 0 || share > 1) throw new UsageError(`--commercial-share must be a share from 0 to 1, such as 0.15 or 0 for a personal-auto book (got ${values["commercial-share"]})`);
    // The P&C pack's line-of-business mix: the rest are personal households.
    input.settings = { ...input.settings, lobMix: { personal: 1 - share, commercial: share } };
  }
  if (values.parts !== undefined) {
    const roots = wholeNumberOption("--parts", values.parts);
    input.layout = { kind: "parts", roots };
    // Parts are made of whole shards: the default shard size when it divides the part, else a shard per part.
    input.shardSize = roots % DEFAULT_SHARD_SIZE === 0 ? DEFAULT_SHARD_SIZE : roots;
  }
  let config: SnapshotConfig;
  try {
    config = parseSnapshotConfig(input);
    if (values.shards !== undefined) {
      const shards = wholeNumberOption("--shards", values.shards);
      config = parseSnapshotConfig({ ...config, shardSize: Math.max(1, Math.ceil(config.records / shards)) });
    }
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.problems.map((p) => `--${p.replace(/^asOf/, "as-of").replace(/^layout\.roots: must be a multiple of shardSize/, "parts: must be a multiple of the shard size")}`).join("\n"));
    throw error;
  }
  // The pack is one this release ships: --pack, SDH_PACK and snapshot.pack are checked as they are read.
  const other = values.recipe !== undefined ? "a recipe" : `the ${config.pack} pack`;
  if (values["commercial-share"] !== undefined && config.pack !== "pc") {
    throw new UsageError(`--commercial-share shapes the pc pack's book (households and business accounts); ${other} has no lines of business`);
  }
  if (values.identifiers !== undefined && config.pack !== "pc") {
    throw new UsageError(`--identifiers shapes the pc pack's licence numbers and plates; ${other} has neither`);
  }
  try {
    config = withPackSettings(config);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.problems.join("\n"));
    throw error;
  }
  const asOf = packOf(config).asOfProblem(config.asOf);
  if (asOf) throw new UsageError(`--as-of ${asOf}`);
  const snapshotId = values["snapshot-id"] ?? defaultSnapshotId(config);
  const idProblem = snapshotIdProblem(snapshotId);
  if (idProblem) throw new UsageError(`--snapshot-id '${snapshotId}': ${idProblem}`);
  return { config, snapshotId };
}

/** A decimal number as written: Number() would also take ' 5', 0x10 and 1e3, which no one means on a command line. */
export function numberOption(flag: string, text: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new UsageError(`${flag} must be a decimal number such as 100 (got '${text.slice(0, 40)}')`);
  return Number(text);
}

export function wholeNumberOption(flag: string, text: string): number {
  const n = numberOption(flag, text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number ≥ 1 (got ${text})`);
  return n;
}

/**
 * A publish target as a worker needs it: `s3://bucket/prefix` as given, a folder made absolute (the
 * worker may run in another working directory). A bad one is a UsageError naming --target.
 */
export function targetOption(text: string): string {
  try {
    const target = parseTarget(text);
    return target.kind === "local" ? resolve(target.path) : text;
  } catch (error) {
    throw new UsageError(`--target ${(error as Error).message}`);
  }
}

/** A recipe file read and checked: a regular file of at most 1 MiB, valid, not named as a shipped pack. */
function readRecipe(path: string): { name: string; records: number | undefined; source: ReturnType<typeof recipeSource> } {
  let text: string;
  try {
    text = readRegularFileSync(path, { maxBytes: RECIPE_LIMITS.bytes, label: `--recipe ${path}` }).toString("utf8");
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new UsageError(error.message);
    const problem = localFileProblem(error);
    if (problem) throw new UsageError(`--recipe ${path}: ${problem}`);
    throw error;
  }
  try {
    const recipe = parseRecipe(text, path);
    if (PACK_NAMES.includes(recipe.document.name)) throw new UsageError(`--recipe ${path}: a recipe may not take the name of the shipped pack '${recipe.document.name}'; rename it`);
    return { name: recipe.document.name, records: recipe.document.records, source: recipeSource(text) };
  } catch (error) {
    if (error instanceof RecipeError) throw new UsageError(`--recipe: the recipe is not valid:\n${error.message}`);
    throw error;
  }
}
