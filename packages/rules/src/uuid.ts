import type { Random } from "./random.js";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const VARIANT = ["8", "9", "a", "b"];

/** A 32-bit draw from the stream. */
function word(r: Random): number {
  return Math.floor(r.next() * 4294967296);
}

/**
 * A version-4-shaped UUID whose 122 random bits come from the seeded stream: four 32-bit draws a, b,
 * c, d laid out as aaaaaaaa-bbbb-4bbb-Vccc-ccccdddddddd, where the version nibble replaces b's fifth
 * hex digit and V (8, 9, a or b) is chosen by c's top two bits, which it replaces. Built from a
 * byte-to-hex table in one template: this runs once per record and per vehicle.
 */
export function uuidFrom(r: Random): string {
  const a = word(r);
  const b = word(r);
  const c = word(r);
  const d = word(r);
  return (
    `${HEX[a >>> 24]}${HEX[(a >>> 16) & 255]}${HEX[(a >>> 8) & 255]}${HEX[a & 255]}-` +
    `${HEX[b >>> 24]}${HEX[(b >>> 16) & 255]}-4${HEX[(b >>> 8) & 255]!.slice(1)}${HEX[b & 255]}-` +
    `${VARIANT[(c >>> 28) & 3]}${HEX[(c >>> 24) & 255]!.slice(1)}${HEX[(c >>> 16) & 255]}-` +
    `${HEX[(c >>> 8) & 255]}${HEX[c & 255]}${HEX[d >>> 24]}${HEX[(d >>> 16) & 255]}${HEX[(d >>> 8) & 255]}${HEX[d & 255]}`
  );
}
