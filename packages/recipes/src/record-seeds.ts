import { createRecordStreams, mix32, streamFromSeed, type Random } from "@sdh/rules";

// Where a recipe's randomness comes from. Every record has a 128-bit seed: a root record's from
// (seed, recipe, root index), a child's from its parent's seed, its entity and its position under the
// parent. Every field draws from its own stream, seeded from the record's seed and the field's name,
// so adding, removing or reordering a field never changes another field's values, and any root
// record can be built without the ones before it (what shards need).

export type Seed128 = readonly [number, number, number, number];

/** 32-bit FNV-1a of a name: the salt that separates one field's or entity's stream from another's. */
export function saltOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Root record `index`'s seed. */
export function rootSeed(seed: number, recipe: string, index: number): Seed128 {
  const stream = createRecordStreams(seed, `recipe:${recipe}`).at(index);
  return [stream.uint32(), stream.uint32(), stream.uint32(), stream.uint32()];
}

/** Row `index` of lookup table `entity`: a stream of its own per table, so a lookup's rows never shift when the root's or another table's do. */
export function lookupSeed(seed: number, recipe: string, entity: string, index: number): Seed128 {
  const stream = createRecordStreams(seed, `recipe:${recipe}:lookup:${entity}`).at(index);
  return [stream.uint32(), stream.uint32(), stream.uint32(), stream.uint32()];
}

/** A seed derived from another by a salt and an ordinal: a child record's, or one field's stream. */
export function deriveSeed([a, b, c, d]: Seed128, salt: number, k = 0): Seed128 {
  return [mix32(a ^ salt ^ mix32(k)), mix32((b + Math.imul(salt, 0x9e3779b9) + k) | 0), mix32(c ^ mix32(k ^ salt)), mix32((d + Math.imul(k, 0x85ebca6b)) ^ salt)];
}

/** The stream of one field (or one shared draw, such as a record's address) of a record, by the name's salt. */
export const streamOf = (record: Seed128, salt: number): Random => streamFromSeed(deriveSeed(record, salt));
