import { resolve, sep } from "node:path";

/** A path that a relative name taken from data would make outside its folder. */
export class OutsideFolderError extends Error {
  override name = "OutsideFolderError";
}

/**
 * `root/name` as an absolute path, refusing any name that would leave `root` (`..`, an absolute
 * path). Names from data are checked by their schema first; this is the lock behind that check.
 */
export function insideFolder(root: string, name: string): string {
  const base = resolve(root);
  const full = resolve(base, name);
  if (full === base || !full.startsWith(base + sep)) throw new OutsideFolderError(`'${name}' would lie outside ${base}; refused`);
  return full;
}
