// HyperLogLog (Flajolet et al., 2007) with 2^12 registers: distinct counts within ~1.6% in 4 KB,
// for columns with too many values to count exactly. Deterministic: the same values give the same estimate.

const P = 12;
const M = 1 << P;
const ALPHA = 0.7213 / (1 + 1.079 / M);

/** FNV-1a then murmur3's finalizer: FNV alone leaves the high bits, which pick the register, poorly mixed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class HyperLogLog {
  readonly registers = new Uint8Array(M);

  add(text: string): void {
    const h = hash32(text);
    const register = h >>> (32 - P);
    const rest = (h << P) >>> 0;
    const rank = rest === 0 ? 32 - P + 1 : Math.clz32(rest) + 1;
    if (rank > this.registers[register]!) this.registers[register] = rank;
  }

  /** The union with another sketch's registers (same precision): the sketch of both sets of values. */
  mergeRegisters(registers: Uint8Array): void {
    if (registers.length !== M) throw new Error(`a HyperLogLog of ${registers.length} registers cannot merge into one of ${M}`);
    for (let i = 0; i < M; i++) if (registers[i]! > this.registers[i]!) this.registers[i] = registers[i]!;
  }

  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (const r of this.registers) {
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const raw = (ALPHA * M * M) / sum;
    // Small ranges: linear counting is the better estimator while registers are still empty.
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(raw);
  }
}
