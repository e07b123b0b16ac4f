// FNV-1a, 32-bit: a running hash that can be continued string by string, so a person's vehicle
// summary can be hashed one vehicle at a time as the vehicles stream past.
export const FNV_OFFSET = 0x811c9dc5;

export function fnv1a(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
