/**
 * A byte count as people read it in a listing: MiB (2^20 bytes) with one decimal. Every size sdh
 * prints, the catalog page shows and the bench reports is in binary units, named as such (KiB, MiB, GiB).
 */
export const mebibytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
