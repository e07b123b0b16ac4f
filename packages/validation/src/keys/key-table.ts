import type { Key128 } from "./key-encoding.js";

const EMPTY = -1;
const MAX_LOAD = 0.7;

/**
 * An open-addressing hash table of 128-bit keys, each with an ordinal chosen by the caller, who uses
 * it to index their own typed arrays. Memory: 20 bytes per slot (16 of key,
 * 4 of ordinal) at a load between 0.35 and 0.7, so 29–57 bytes per key and no per-key object.
 */
export class KeyTable {
  private keys: Uint32Array;
  private ordinals: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.keys = new Uint32Array(capacity * 4);
    this.ordinals = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.ordinals.byteLength;
  }

  /** The key's ordinal, or -1 when absent. */
  find(key: Key128): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const ordinal = this.ordinals[slot]!;
      if (ordinal === EMPTY || this.equals(slot, key)) return ordinal;
    }
  }

  /** Adds the key with `ordinal` and returns -1; when the key is already there, returns its ordinal instead. */
  insert(key: Key128, ordinal: number): number {
    if ((this.count + 1) > (this.mask + 1) * MAX_LOAD) this.grow();
    let slot = this.slotOf(key);
    for (; ; slot = (slot + 1) & this.mask) {
      const existing = this.ordinals[slot]!;
      if (existing === EMPTY) break;
      if (this.equals(slot, key)) return existing;
    }
    this.place(slot, key, ordinal);
    this.count++;
    return EMPTY;
  }

  /** Every key, four words each, at its ordinal's place (`out[4 * ordinal ...]`); places of absent ordinals stay 0. */
  keysByOrdinal(ordinals: number): Uint32Array {
    const out = new Uint32Array(ordinals * 4);
    const keys = this.keys;
    for (let slot = 0; slot < this.ordinals.length; slot++) {
      const ordinal = this.ordinals[slot]!;
      if (ordinal === EMPTY) continue;
      const from = slot * 4;
      const to = ordinal * 4;
      out[to] = keys[from]!;
      out[to + 1] = keys[from + 1]!;
      out[to + 2] = keys[from + 2]!;
      out[to + 3] = keys[from + 3]!;
    }
    return out;
  }

  private place(slot: number, key: Key128, ordinal: number): void {
    const at = slot * 4;
    this.keys[at] = key[0]!;
    this.keys[at + 1] = key[1]!;
    this.keys[at + 2] = key[2]!;
    this.keys[at + 3] = key[3]!;
    this.ordinals[slot] = ordinal;
  }

  private equals(slot: number, key: Key128): boolean {
    const at = slot * 4;
    const k = this.keys;
    return k[at] === key[0] && k[at + 1] === key[1] && k[at + 2] === key[2] && k[at + 3] === key[3];
  }

  private slotOf(key: Key128): number {
    // Mixes all four words (murmur3's finalizer): UUID words are random, but packed short texts are not.
    let h = Math.imul(key[0]! ^ Math.imul(key[1]!, 0x9e3779b1), 0x85ebca6b);
    h ^= Math.imul(key[2]! ^ (h >>> 15), 0xc2b2ae35);
    h ^= Math.imul(key[3]! ^ (h >>> 13), 0x27d4eb2f);
    h ^= h >>> 16;
    return h & this.mask;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldOrdinals = this.ordinals;
    const capacity = (this.mask + 1) * 2;
    this.keys = new Uint32Array(capacity * 4);
    this.ordinals = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    const key = new Uint32Array(4);
    for (let slot = 0; slot < oldOrdinals.length; slot++) {
      const ordinal = oldOrdinals[slot]!;
      if (ordinal === EMPTY) continue;
      key.set(oldKeys.subarray(slot * 4, slot * 4 + 4));
      let to = this.slotOf(key);
      while (this.ordinals[to] !== EMPTY) to = (to + 1) & this.mask;
      this.place(to, key, ordinal);
    }
  }
}
