import type { z } from "zod";
import type { EntitySpec } from "./pack-spec.js";
import { PC_PACK_SPEC } from "./packs/pc.js";

// Objects keyed by the pack's entities (a manifest's counts, a quality report's columns) are built from
// the declaration, so declaring an entity adds them; an entity a later schema added is optional there,
// because files of older snapshots lack it.

type PcEntitySpec = (typeof PC_PACK_SPEC)["entities"][number];

/** One zod field per entity of the P&C pack: optional for an entity declared with `since`. */
export type PerEntityShape<T extends z.ZodType> = { [E in PcEntitySpec as E["name"]]: E extends { since: string } ? z.ZodOptional<T> : T };

/**
 * The fields of an object keyed by entity, in declared order: `field(entity)` makes each, then an
 * entity added by a later schema becomes optional, described with `since(entity)`.
 */
export function perEntityShape<T extends z.ZodType>(field: (entity: EntitySpec) => T, since: (entity: EntitySpec & { since: string }) => string): PerEntityShape<T> {
  const entities: readonly EntitySpec[] = PC_PACK_SPEC.entities;
  return Object.fromEntries(
    entities.map((e) => [e.name, e.since === undefined ? field(e) : field(e).optional().describe(since(e as EntitySpec & { since: string }))]),
  ) as PerEntityShape<T>;
}
