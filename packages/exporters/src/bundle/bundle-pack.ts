import { existsSync } from "node:fs";
import { join } from "node:path";
import { readRegularFileSync } from "@sdh/local-files";
import { packOf, recipeSource, UnknownPackError } from "@sdh/packs";
import type { Manifest, SnapshotMetadata } from "@sdh/schemas";
import type { Pack } from "@sdh/validation";
import { BundleError } from "./bundle-error.js";
import { BUNDLE_FILES } from "./bundle-layout.js";

/**
 * The pack that declared a snapshot's records, from its manifest or metadata (the P&C pack before
 * schema 0.3 recorded one), held to what the file says: every entity it counts is one of the pack's.
 * A pack this release does not ship (and no recipe in `dir` declares), or counts of entities the pack
 * lacks, is a BundleError naming both.
 */
export function packOfDocument(document: Pick<Manifest | SnapshotMetadata, "pack" | "counts">, where: string, dir?: string): Pack {
  let pack: Pack;
  try {
    // A recipe's snapshot declares its pack in the recipe it ships (read as a regular file, ≤ 1 MiB).
    const recipeFile = dir === undefined ? null : join(dir, BUNDLE_FILES.recipe);
    const recipe = recipeFile && existsSync(recipeFile) ? recipeSource(readRegularFileSync(recipeFile, { maxBytes: 1024 * 1024 }).toString("utf8")) : undefined;
    pack = packOf({ ...document, recipe });
  } catch (error) {
    if (error instanceof UnknownPackError) throw new BundleError(`${where}: ${error.message}`);
    throw error;
  }
  const names = new Set(pack.spec.entities.map((e) => e.name));
  const foreign = Object.keys(document.counts).filter((e) => !names.has(e));
  if (foreign.length > 0) throw new BundleError(`${where}: counts name ${foreign.join(", ")}, which pack ${pack.spec.name} does not declare (its entities: ${[...names].join(", ")})`);
  return pack;
}
