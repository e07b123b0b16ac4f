// Keys as 128 bits (four 32-bit words) instead of JavaScript strings: a UUID string costs ~90 bytes
// on the V8 heap, its 128 bits cost 16. Strings that do not fit an encoding are kept exactly, aside.

/** Four 32-bit words; reused by the caller between lookups to avoid allocating per record. */
export type Key128 = Uint32Array;

const HEX = new Int8Array(128).fill(-1);
for (let d = 0; d < 10; d++) HEX[48 + d] = d;
for (let d = 0; d < 6; d++) {
  HEX[65 + d] = 10 + d;
  HEX[97 + d] = 10 + d;
}

const HEX_POSITIONS = Uint8Array.from({ length: 36 }, (_, i) => i).filter((i) => i !== 8 && i !== 13 && i !== 18 && i !== 23);

/**
 * Packs a canonical 8-4-4-4-12 UUID (either case) into `out`. Returns false for anything else,
 * which the caller then keeps as a string.
 */
export function encodeUuid(value: string, out: Key128): boolean {
  if (value.length !== 36) return false;
  if (value.charCodeAt(8) !== 45 || value.charCodeAt(13) !== 45 || value.charCodeAt(18) !== 45 || value.charCodeAt(23) !== 45) return false;
  for (let w = 0; w < 4; w++) {
    let word = 0;
    for (let k = w * 8; k < w * 8 + 8; k++) {
      const code = value.charCodeAt(HEX_POSITIONS[k]!);
      const nibble = code < 128 ? HEX[code]! : -1;
      if (nibble < 0) return false;
      word = (word << 4) | nibble;
    }
    out[w] = word >>> 0;
  }
  return true;
}

// Short identifiers (VINs, licence numbers, plates with their state): six bits per character over
// 0-9 A-Z a-z, space and '-', code 0 meaning "no character": five to a 32-bit word, so 20 characters
// fit in 128 bits (a 21st would have no word: longer values are kept as text).
const SHORT_CODE = new Int8Array(128).fill(-1);
const SHORT_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -";
for (let i = 0; i < SHORT_ALPHABET.length; i++) SHORT_CODE[SHORT_ALPHABET.charCodeAt(i)] = i + 1;
export const SHORT_KEY_MAX_LENGTH = 20;

/** Packs a short identifier into `out`; false when it is longer than 20 characters or has other characters. */
export function encodeShortText(value: string, out: Key128): boolean {
  if (value.length > SHORT_KEY_MAX_LENGTH) return false;
  out.fill(0);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const symbol = code < 128 ? SHORT_CODE[code]! : -1;
    if (symbol < 0) return false;
    // Characters 0-4 in word 0, 5-9 in word 1, ... five 6-bit symbols per 32-bit word.
    const w = (i / 5) | 0;
    out[w] = (out[w]! * 64 + symbol) >>> 0;
  }
  return true;
}

/** The canonical (lower-case) UUID text of a packed key; for naming a duplicate found across shards. */
export function decodeUuid(key: Key128): string {
  const hex = Array.from(key, (w) => w.toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The text a packed short identifier came from. Symbols run 1..64, so each word is a bijective
 * base-64 numeral (no zero digit): a digit of 64 shows as remainder 0.
 */
export function decodeShortText(key: Key128): string {
  let text = "";
  for (let w = 0; w < 4; w++) {
    const symbols: string[] = [];
    for (let word = key[w]!; word > 0; ) {
      const digit = word % 64 || 64;
      symbols.unshift(SHORT_ALPHABET[digit - 1]!);
      word = (word - digit) / 64;
    }
    text += symbols.join("");
  }
  return text;
}

// Longer text keys (emails): four FNV-1a hashes of the UTF-16 code units with different offset
// bases, 128 bits in all. Two different emails share a key with odds of about n² / 2^129.
const HASH_OFFSETS = [0x811c9dc5, 0x050c5d1f, 0x6c62272e, 0x1b873593];

/** Packs any text into `out` as a 128-bit hash; always succeeds. */
export function encodeHashedText(value: string, out: Key128): boolean {
  for (let w = 0; w < 4; w++) {
    let h = HASH_OFFSETS[w]!;
    for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
    out[w] = (h ^ (h >>> 15)) >>> 0;
  }
  return true;
}

/** A hashed key cannot be turned back into its text: it is named by its hash. */
export function describeHashedText(key: Key128): string {
  return `hash ${Array.from(key, (w) => w.toString(16).padStart(8, "0")).join("")}`;
}
