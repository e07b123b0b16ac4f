import { createHash } from "node:crypto";
import { FINTECH_PACK } from "@sdh/pack-fintech";
import { PC_PACK } from "@sdh/pack-pc";
import { compileRecipe, parseRecipe, RecipeError } from "@sdh/recipes";
import { ConfigError, VERSION_TAG, type SnapshotConfig } from "@sdh/schemas";
import type { Pack } from "@sdh/validation";
import { PACK_NAMES } from "./pack-names.js";

// The packs this release ships, registered by name at build time (ADR 0016): a config's `pack` and a
// manifest's `pack.name` resolve here, in workers, the CLI and shard threads alike. No pack is loaded
// from a path at run time: a config never names code to execute.

/** Every pack, the default first. */
export const PACKS: readonly Pack[] = [PC_PACK, FINTECH_PACK];

/** The pack of a config without `pack`, and of a manifest written before schema 0.3 recorded one. */
export const DEFAULT_PACK_NAME = "pc";

/** A name no shipped pack answers to: a config or manifest from elsewhere, or from a newer release. */
export class UnknownPackError extends Error {
  override name = "UnknownPackError";
}

export { PACK_NAMES, PACK_ENTITY_NAMES, PACK_GENERATORS, PACK_SUMMARIES } from "./pack-names.js";

/** The pack called `name`; throws UnknownPackError naming the packs there are. */
export function packNamed(name: string): Pack {
  const pack = PACKS.find((p) => p.spec.name === name);
  if (!pack) throw new UnknownPackError(`pack '${name}' is not one this release of sdh ships; the packs are: ${PACK_NAMES.join(", ")}`);
  return pack;
}

/** A recipe as a config carries it: its text and the text's sha256. */
export interface RecipeSource {
  sha256: string;
  text: string;
}

/** A recipe's text with its sha256, as a config records it. */
export const recipeSource = (text: string): RecipeSource => ({ sha256: createHash("sha256").update(text).digest("hex"), text });

const recipePacks = new Map<string, Pack>();
/**
 * The pack a recorded recipe compiles to (once per process and recipe): checked against its sha256
 * and parsed again, since a manifest or a workflow's input is data from outside like any other.
 */
export function recipePack(recipe: RecipeSource): Pack {
  const known = recipePacks.get(recipe.sha256);
  if (known) return known;
  if (recipeSource(recipe.text).sha256 !== recipe.sha256) throw new UnknownPackError(`the recorded recipe's text does not match its sha256 ${recipe.sha256.slice(0, 12)}…`);
  let pack: Pack;
  try {
    pack = compileRecipe(parseRecipe(recipe.text, "the recorded recipe"));
  } catch (error) {
    if (error instanceof RecipeError) throw new UnknownPackError(`the recorded recipe is not valid: ${error.message}`);
    throw error;
  }
  if (PACK_NAMES.includes(pack.spec.name)) throw new UnknownPackError(`a recipe may not take the name of the shipped pack '${pack.spec.name}'`);
  recipePacks.set(recipe.sha256, pack);
  return pack;
}

/**
 * The pack a config or a snapshot's manifest or metadata names: its recipe's when it carries one (a
 * config's `recipe`, a manifest's `config.recipe`), else a shipped pack by name; the P&C pack when it
 * names none (files before schema 0.3).
 */
export function packOf(source: { pack?: string | { name: string } | undefined; recipe?: RecipeSource | undefined; config?: { recipe?: RecipeSource | undefined } | undefined }): Pack {
  const recipe = source.recipe ?? source.config?.recipe;
  if (recipe) return recipePack(recipe);
  const name = typeof source.pack === "string" ? source.pack : (source.pack?.name ?? DEFAULT_PACK_NAME);
  return packNamed(name);
}

/**
 * The config with its pack's settings checked and their defaults filled in: what a snapshot records and
 * its id digests. A setting the pack does not declare, or a value it does not allow, is a ConfigError
 * naming the setting and what is allowed.
 */
export function withPackSettings(config: SnapshotConfig): SnapshotConfig {
  const pack = packOf(config);
  const given = config.settings ?? {};
  if (!pack.settings) {
    const names = Object.keys(given);
    if (names.length) throw new ConfigError(names.map((n) => `settings.${n}: the ${pack.spec.name} pack has no settings (only pc has: lobMix, vehiclesPerPerson, identifiers)`));
    return config;
  }
  const result = pack.settings.safeParse(given, { reportInput: true });
  if (result.success) return { ...config, settings: result.data };
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const field = ["settings", ...issue.path.map(String)].join(".");
      if (issue.code === "unrecognized_keys" && issue.path.length === 0) return `${field}: unknown setting(s) ${issue.keys.map((k) => `'${k}'`).join(", ")} for the ${pack.spec.name} pack; its settings: ${Object.keys((pack.settings as unknown as { shape: object }).shape ?? {}).join(", ")}`;
      const given = "input" in issue && issue.code !== "unrecognized_keys" ? ` (got ${JSON.stringify(issue.input)})` : "";
      return `${field}: ${issue.message}${given}`;
    }),
  );
}

/** Where a pack's committed demo samples live, from the repository's root: the P&C pack's at `data/demo_samples/v0.9`, another's in a folder named after it. */
export function demoSampleFolder(pack: string): string {
  return pack === DEFAULT_PACK_NAME ? `data/demo_samples/${VERSION_TAG}` : `data/demo_samples/${VERSION_TAG}/${pack}`;
}
