// How numbers read on the page: grouped digits, sizes in binary units, shares as percentages.

export const count = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toLocaleString("en-US"));

export function size(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

export const percent = (share: number | null | undefined, digits = 1) => (share === null || share === undefined ? "—" : `${(share * 100).toFixed(digits)}%`);

/** A preview cell: JSON for objects and lists, text otherwise, and a visible mark for null. */
export const cell = (value: unknown) => (value === null || value === undefined ? null : typeof value === "object" ? JSON.stringify(value) : String(value));
export { when } from "./client/moment.js";
