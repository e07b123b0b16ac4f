import type { Random } from "./random.js";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Eight hex digits from one 32-bit draw (a table lookup per byte: toString(16) is the slow path). */
function hex8(r: Random): string {
  const x = Math.floor(r.next() * 4294967296);
  return HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
}

/** A version-4-shaped UUID whose 122 random bits come from the seeded stream. */
export function uuidFrom(r: Random): string {
  const a = hex8(r);
  const b = hex8(r);
  const c = hex8(r);
  const d = hex8(r);
  const variant = "89ab"[parseInt(c[0]!, 16) & 3];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
