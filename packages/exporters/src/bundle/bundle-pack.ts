import { packOf, UnknownPackError } from "@sdh/packs";
import type { Manifest, SnapshotMetadata } from "@sdh/schemas";
import type { Pack } from "@sdh/validation";
import { BundleError } from "./bundle-error.js";

/**
 * The pack that declared a snapshot's records, from its manifest or metadata (the P&C pack before
 * schema 0.3 recorded one), held to what the file says: every entity it counts is one of the pack's.
 * A pack this release does not ship, or counts of entities the pack lacks, is a BundleError naming both.
 */
export function packOfDocument(document: Pick<Manifest | SnapshotMetadata, "pack" | "counts">, where: string): Pack {
  let pack: Pack;
  try {
    pack = packOf(document);
  } catch (error) {
    if (error instanceof UnknownPackError) throw new BundleError(`${where}: ${error.message}`);
    throw error;
  }
  const names = new Set(pack.spec.entities.map((e) => e.name));
  const foreign = Object.keys(document.counts).filter((e) => !names.has(e));
  if (foreign.length > 0) throw new BundleError(`${where}: counts name ${foreign.join(", ")}, which pack ${pack.spec.name} does not declare (its entities: ${[...names].join(", ")})`);
  return pack;
}
