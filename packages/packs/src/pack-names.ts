import { FINTECH_GENERATOR } from "@sdh/pack-fintech/version";
import { GENERATOR } from "@sdh/pack-pc/version";

// The shipped packs' names, entities and generators as plain data: what help texts and the settings' checks need,
// without loading a pack (a pack's generator reads its reference tables when it loads, ~0.3 s). A
// subpath of its own (`@sdh/packs/names`); a test holds it to PACKS, so it cannot drift.

/** Each shipped pack's entities, in build order; the default pack first. */
export const PACK_ENTITY_NAMES = {
  pc: ["households", "persons", "vehicles", "profiles", "policies", "drivers", "policy_vehicles", "coverages", "claims"],
  fintech: ["customers", "accounts", "transactions"],
} as const satisfies Record<string, readonly string[]>;

export const PACK_NAMES: readonly string[] = Object.keys(PACK_ENTITY_NAMES);

/** Each shipped pack's generator (name and version), read without loading the pack: `sdh version`. */
export const PACK_GENERATORS: Readonly<Record<keyof typeof PACK_ENTITY_NAMES, { name: string; version: string }>> = { pc: GENERATOR, fintech: FINTECH_GENERATOR };
