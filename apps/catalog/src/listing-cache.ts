import type { ListedManifest, ListingCache } from "@sdh/storage";

/**
 * The listing entries of manifests already read, per served target. A committed manifest never
 * changes, so the entries only age out so that a snapshot removed and published again under the same
 * id (an operator's act, never the publish protocol's) shows its new manifest within `ttlMs`. A
 * removed snapshot leaves the listing at once: the folders are listed on every request.
 */
export class ManifestListingCache implements ListingCache {
  private readonly entries = new Map<string, { entry: ListedManifest; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): ListedManifest | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.entry;
  }

  set(key: string, entry: ListedManifest): void {
    // Oldest out first (a Map iterates in insertion order): the bound keeps a server's memory flat.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { entry, until: this.now() + this.ttlMs });
  }
}
