import type { Random } from "./random.js";

/** Character codes of the hex digits, by value. */
const HEX = new Uint8Array([..."0123456789abcdef"].map((c) => c.charCodeAt(0)));
const HYPHEN = 45;
const VERSION_4 = 52;

/**
 * A version-4-shaped UUID whose 122 random bits come from the seeded stream: four 32-bit draws a, b,
 * c, d laid out as aaaaaaaa-bbbb-4bbb-Vccc-ccccdddddddd, where the version nibble replaces b's fifth
 * hex digit and V (8, 9, a or b) is chosen by c's top two bits, which it replaces. This runs once per
 * record: the 36 character codes go to String.fromCharCode as arguments, which V8 turns into one flat
 * string without an intermediate array (twice as fast as filling a buffer and spreading it).
 */
export function uuidFrom(r: Random): string {
  const a = r.uint32();
  const b = r.uint32();
  const c = r.uint32();
  const d = r.uint32();
  return String.fromCharCode(
    HEX[a >>> 28]!, HEX[(a >>> 24) & 15]!, HEX[(a >>> 20) & 15]!, HEX[(a >>> 16) & 15]!,
    HEX[(a >>> 12) & 15]!, HEX[(a >>> 8) & 15]!, HEX[(a >>> 4) & 15]!, HEX[a & 15]!, HYPHEN,
    HEX[b >>> 28]!, HEX[(b >>> 24) & 15]!, HEX[(b >>> 20) & 15]!, HEX[(b >>> 16) & 15]!, HYPHEN,
    VERSION_4, HEX[(b >>> 8) & 15]!, HEX[(b >>> 4) & 15]!, HEX[b & 15]!, HYPHEN,
    HEX[8 + ((c >>> 28) & 3)]!, HEX[(c >>> 24) & 15]!, HEX[(c >>> 20) & 15]!, HEX[(c >>> 16) & 15]!, HYPHEN,
    HEX[(c >>> 12) & 15]!, HEX[(c >>> 8) & 15]!, HEX[(c >>> 4) & 15]!, HEX[c & 15]!,
    HEX[d >>> 28]!, HEX[(d >>> 24) & 15]!, HEX[(d >>> 20) & 15]!, HEX[(d >>> 16) & 15]!,
    HEX[(d >>> 12) & 15]!, HEX[(d >>> 8) & 15]!, HEX[(d >>> 4) & 15]!, HEX[d & 15]!,
  );
}
