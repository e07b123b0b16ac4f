import { entitySpec } from "@sdh/schemas";
import { PC_PACK_SPEC } from "@sdh/pack-pc";

/** The P&C pack's declaration of entity `name`: what readers, writers and column lists take. */
export const pc = (name: string) => entitySpec(PC_PACK_SPEC, name);

/** The P&C pack's entities, in declared order. */
export const PC_ENTITIES: readonly string[] = PC_PACK_SPEC.entities.map((e) => e.name);
