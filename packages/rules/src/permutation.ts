// A keyed bijection on [0, space): distinct indexes map to distinct values that look random.
// Identifiers that must be unique (licence numbers, plates) come from permuting a unique index,
// so no shard needs to know what another shard generated.

const HALF_BITS_MAX = 26; // halves stay below 2^26, so every product fits a float exactly

function mix(x: number, key: number, round: number, mask: number): number {
  let h = Math.imul(x ^ key, 0x9e3779b1) ^ Math.imul(round + 1, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) & mask;
}

export function createPermutation(space: number, key: number): (index: number) => number {
  if (!Number.isSafeInteger(space) || space < 1) throw new Error(`permutation space must be a positive integer, got ${space}`);
  let bits = 2;
  while (2 ** bits < space) bits += 2;
  const half = bits / 2;
  if (half > HALF_BITS_MAX) throw new Error(`permutation space ${space} is larger than 2^${2 * HALF_BITS_MAX}`);
  const size = 2 ** half;
  const mask = size - 1;
  const k = key | 0;
  const once = (n: number): number => {
    let left = Math.floor(n / size);
    let right = n % size;
    for (let round = 0; round < 4; round++) {
      const next = left ^ mix(right, k, round, mask);
      left = right;
      right = next;
    }
    return left * size + right;
  };
  return (index: number) => {
    if (!(index >= 0 && index < space)) throw new RangeError(`index ${index} is outside the permutation space [0, ${space})`);
    // Cycle walking: a Feistel network permutes [0, 4^half); step until we land back inside [0, space).
    let n = once(index);
    while (n >= space) n = once(n);
    return n;
  };
}
