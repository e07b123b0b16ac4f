import type { Random } from "./random.js";

const HEX_CODES = [..."0123456789abcdef"].map((c) => c.charCodeAt(0));
/** The UUID's 36 character codes, reused: the hyphens stay, the digits are overwritten per call. */
const codes = [..."00000000-0000-4000-8000-000000000000"].map((c) => c.charCodeAt(0));

/** Writes the low `digits` hex digits of `value` at `offset`, most significant first. */
function putHex(offset: number, value: number, digits: number): void {
  for (let k = digits - 1; k >= 0; k--) {
    codes[offset + k] = HEX_CODES[value & 15]!;
    value >>>= 4;
  }
}

/**
 * A version-4-shaped UUID whose 122 random bits come from the seeded stream: four 32-bit draws a, b,
 * c, d laid out as aaaaaaaa-bbbb-4bbb-Vccc-ccccdddddddd, where the version nibble replaces b's fifth
 * hex digit and V (8, 9, a or b) is chosen by c's top two bits, which it replaces. Written as
 * character codes into one buffer and made a flat string in one call: this runs once per record.
 */
export function uuidFrom(r: Random): string {
  const a = r.uint32();
  const b = r.uint32();
  const c = r.uint32();
  const d = r.uint32();
  putHex(0, a, 8);
  putHex(9, b >>> 16, 4);
  putHex(15, b & 0xfff, 3);
  codes[19] = HEX_CODES[8 + ((c >>> 28) & 3)]!;
  putHex(20, (c >>> 16) & 0xfff, 3);
  putHex(24, c & 0xffff, 4);
  putHex(28, d, 8);
  return String.fromCharCode.apply(null, codes);
}
