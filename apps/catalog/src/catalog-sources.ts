import { openStore, type SnapshotStore } from "@sdh/storage";
import { ManifestListingCache } from "./listing-cache.js";

/** How long a listed manifest is trusted before it is read again (see ManifestListingCache). */
export const LISTING_CACHE_SECONDS = 300;

/** A target the catalog shows: its name in URLs (`?target=`) and the store behind it. */
export interface CatalogSource {
  name: string;
  /** As given: what a build started from the catalog publishes to. */
  uri: string;
  store: SnapshotStore;
  /** Manifests this target's listings have read. */
  listingCache: ManifestListingCache;
}

/**
 * The targets `sdh serve` was given (`--target` repeated, or SDH_TARGET), each `s3://bucket/prefix`
 * or a folder, named by position (`0`, `1`, …) unless given as `name=uri`.
 */
export function openSources(targets: readonly string[], env: NodeJS.ProcessEnv): CatalogSource[] {
  if (targets.length === 0) throw new Error("no target to serve: give --target s3://bucket/prefix or a folder (repeatable)");
  const sources = targets.map((given, i) => {
    const named = /^([a-z][a-z0-9-]{0,31})=(.+)$/.exec(given);
    // `=/x`, `Bad Name=/x`: meant as a name, but not one; taken as a folder it would serve the wrong place.
    if (!named && /^[^/:]*=/.test(given)) throw new Error(`'${given.slice(0, 80)}': a target's name is a lowercase letter then letters, digits or '-' (at most 32), as in nightly=s3://bucket/prefix`);
    const uri = named ? named[2]! : given;
    return { name: named ? named[1]! : String(i), uri, store: openStore(uri, env), listingCache: new ManifestListingCache(LISTING_CACHE_SECONDS * 1000) };
  });
  const names = sources.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`two targets are named '${twice}'`);
  return sources;
}
