import seedrandom from "seedrandom";

/** The one source of randomness in the rules: injectable, so faker and our own rules share it. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/**
 * A random stream that depends only on the seed and a path such as ("person", 42): record i of an
 * entity never needs records before it, so shards can start anywhere and still agree.
 */
export function createRandom(seed: string | number, ...path: Array<string | number>): Random {
  const prng = seedrandom.alea([String(seed), ...path.map(String)].join("\u0000"));
  return { next: () => prng() };
}
