import { FINTECH_PACK } from "@sdh/pack-fintech";
import { PC_PACK } from "@sdh/pack-pc";
import { VERSION_TAG } from "@sdh/schemas";
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

export { PACK_NAMES, PACK_ENTITY_NAMES, PACK_GENERATORS } from "./pack-names.js";

/** The pack called `name`; throws UnknownPackError naming the packs there are. */
export function packNamed(name: string): Pack {
  const pack = PACKS.find((p) => p.spec.name === name);
  if (!pack) throw new UnknownPackError(`pack '${name}' is not one this release of sdh ships; the packs are: ${PACK_NAMES.join(", ")}`);
  return pack;
}

/** The pack a config or a snapshot's manifest or metadata names; the P&C pack when it names none (files before schema 0.3). */
export function packOf(source: { pack?: string | { name: string } | undefined }): Pack {
  const name = typeof source.pack === "string" ? source.pack : (source.pack?.name ?? DEFAULT_PACK_NAME);
  return packNamed(name);
}

/** Where a pack's committed demo samples live, from the repository's root: the P&C pack's at `data/demo_samples/v0.7`, another's in a folder named after it. */
export function demoSampleFolder(pack: string): string {
  return pack === DEFAULT_PACK_NAME ? `data/demo_samples/${VERSION_TAG}` : `data/demo_samples/${VERSION_TAG}/${pack}`;
}
