import { isNewer, listSnapshots, type SkippedObject } from "@sdh/storage";
import type { z } from "zod";
import type { SnapshotList, SnapshotSummary } from "./api-schemas.js";
import type { CatalogSource } from "./catalog-sources.js";
import { compareSnapshots, type Comparison } from "./compare-snapshots.js";
import { checkedVersion, findSnapshot, forClients, snapshotDocuments, sourcesFor, storeRead } from "./snapshot-reader.js";

// What the API's JSON routes and the page's HTML routes both answer, computed once here so the page
// can never show something the API would not.

/** Committed snapshots of the named target (or all), newest first, one page of them. */
export async function listCatalog(sources: readonly CatalogSource[], { target, version, limit, offset }: { target?: string | undefined; version?: string | undefined; limit: number; offset: number }): Promise<z.infer<typeof SnapshotList>> {
  const tag = checkedVersion(version);
  const skipped: Array<SkippedObject & { target: string }> = [];
  const all: Array<z.infer<typeof SnapshotSummary>> = [];
  for (const source of sourcesFor(sources, target)) {
    const onSkipped = (skip: SkippedObject) => skipped.push({ target: source.name, key: skip.key, problem: forClients(source, skip.problem) });
    const listed = await storeRead(source, () => listSnapshots(source.store, tag, { onSkipped, cache: source.listingCache }));
    for (const s of listed) all.push({ target: source.name, ...s });
  }
  all.sort((a, b) => (isNewer(a, b) ? -1 : isNewer(b, a) ? 1 : 0));
  return { snapshots: all.slice(offset, offset + limit), total: all.length, limit, offset, skipped };
}

/** A snapshot's manifest with its validation and quality reports and dataset descriptor. */
export async function snapshotDetail(sources: readonly CatalogSource[], id: string, where: { target?: string | undefined; version?: string | undefined }) {
  const found = await findSnapshot(sources, id, where);
  return { target: found.source.name, manifest: found.manifest, ...(await snapshotDocuments(found)) };
}

/** Two snapshots compared from their quality reports; `otherTarget` defaults to `target`. */
export async function compareTwo(sources: readonly CatalogSource[], id: string, other: string, { target, otherTarget, version }: { target?: string | undefined; otherTarget?: string | undefined; version?: string | undefined }): Promise<Comparison> {
  const sideOf = async (snapshotId: string, where: string | undefined) => {
    const found = await findSnapshot(sources, snapshotId, { target: where, version });
    return { target: found.source.name, manifest: found.manifest, quality: (await snapshotDocuments(found)).quality };
  };
  const [a, b] = await Promise.all([sideOf(id, target), sideOf(other, otherTarget ?? target)]);
  return compareSnapshots(a, b);
}
