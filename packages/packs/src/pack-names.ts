import { FINTECH_PACK_INFO } from "@sdh/pack-fintech/info";
import { PC_PACK_INFO } from "@sdh/pack-pc/info";

// The shipped packs' names, entities, generators and summaries as plain data: what help texts and the
// settings' checks need, without loading a pack (a pack's generator reads its reference tables when it
// loads, ~0.3 s). Each pack states its own (`<pack>/info`); a subpath of its own here
// (`@sdh/packs/names`), and a test holds it to PACKS, so it cannot drift.

/** Every shipped pack's plain data, the default first: a new pack adds one entry here and one to PACKS. */
const INFOS = [PC_PACK_INFO, FINTECH_PACK_INFO] as const;

/** Each shipped pack's entities, in build order; the default pack first. */
export const PACK_ENTITY_NAMES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(INFOS.map((p) => [p.name, p.entities]));

export const PACK_NAMES: readonly string[] = INFOS.map((p) => p.name);

/** Each shipped pack's generator (name and version), read without loading the pack: `sdh version`. */
export const PACK_GENERATORS: Readonly<Record<string, { name: string; version: string }>> = Object.fromEntries(INFOS.map((p) => [p.name, p.generator]));

/** Each shipped pack in a few words, for help texts (`--pack`). */
export const PACK_SUMMARIES: Readonly<Record<string, string>> = Object.fromEntries(INFOS.map((p) => [p.name, p.summary]));
