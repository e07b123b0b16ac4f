import { leftoverTickets, MIN_UNFINISHED_AGE_MS, openStore, pendingUploads, pruneUnfinished, StoreError, unfinishedSnapshots, type LeftoverTicket, type PendingUpload, type UnfinishedSnapshot } from "@sdh/storage";
import { durationOption } from "../duration.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { mebibytes } from "../sizes.js";


export async function orphans(args: string[], settings: Settings): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "list" && sub !== "prune") throw new UsageError(`unknown orphans command '${sub ?? ""}'; available: list, prune (see \`sdh orphans --help\`)`);
  const parsed = commandArgs("orphans", { args: rest, options: { target: { type: "string" }, "older-than": { type: "string" }, "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false } } });
  const values = settings.fill(parsed.values);
  if (!values.target) throw new UsageError("--target URI is required: s3://bucket/prefix or a folder");
  let store;
  try {
    store = openStore(values.target);
  } catch (error) {
    throw new UsageError(`--target ${(error as Error).message}`);
  }
  const olderThanMs = sub === "prune" ? olderThan(values["older-than"]) : 0;
  try {
    if (sub === "list") {
      const found = await unfinishedSnapshots(store);
      const uploads = await pendingUploads(store);
      const tickets = await leftoverTickets(store);
      if (values.json) console.log(JSON.stringify({ target: store.location, unfinished: found.map(row), uploads: uploads.map(uploadRow), tickets: tickets.map(ticketRow) }, null, 2));
      else if (!found.length && !uploads.length && !tickets.length) console.log(`No unfinished publishes at ${store.location}`);
      else {
        for (const u of found) console.log(`${u.snapshotId}  ${u.objects} file(s), ${mebibytes(u.bytes)}, last written ${new Date(u.lastWrite).toISOString()}`);
        for (const u of uploads) console.log(`${u.key}  unfinished multipart upload, started ${new Date(u.initiated).toISOString()}`);
        for (const t of tickets) console.log(`${t.key}  publish ticket left in a published snapshot, last renewed ${new Date(t.lastModified).toISOString()}`);
      }
      return EXIT.ok;
    }
    const { removed, kept, abortedUploads, removedTickets } = await pruneUnfinished(store, { olderThanMs, dryRun: values["dry-run"] });
    if (values.json) console.log(JSON.stringify({ target: store.location, dryRun: values["dry-run"], removed: removed.map(row), kept: kept.map(row), abortedUploads: abortedUploads.map(uploadRow), removedTickets: removedTickets.map(ticketRow) }, null, 2));
    else {
      const verb = values["dry-run"] ? "Would remove" : "Removed";
      for (const u of removed) console.log(`${verb} ${u.snapshotId}: ${u.objects} file(s), ${mebibytes(u.bytes)}, last written ${new Date(u.lastWrite).toISOString()}`);
      for (const u of abortedUploads) console.log(`${values["dry-run"] ? "Would abort" : "Aborted"} the unfinished upload of ${u.key}, started ${new Date(u.initiated).toISOString()}`);
      for (const t of removedTickets) console.log(`${verb} the publish ticket ${t.key}, last renewed ${new Date(t.lastModified).toISOString()}`);
      console.log(`${verb} ${removed.length} unfinished publish(es), ${mebibytes(removed.reduce((n, u) => n + u.bytes, 0))}; kept ${kept.length} written within ${values["older-than"]}`);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof StoreError) {
      console.error(`sdh: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
}

function olderThan(text: string | undefined): number {
  if (!text) throw new UsageError("--older-than is required, e.g. --older-than 7d");
  const ms = durationOption("--older-than", text, 60_000);
  if (ms < MIN_UNFINISHED_AGE_MS) throw new UsageError(`--older-than '${text}': give at least 1h; a publish still uploading has no manifest either`);
  return ms;
}

const uploadRow = (u: PendingUpload) => ({ key: u.key, uploadId: u.uploadId, initiated: new Date(u.initiated).toISOString() });
const ticketRow = (t: LeftoverTicket) => ({ snapshotId: t.snapshotId, key: t.key, lastModified: new Date(t.lastModified).toISOString() });
const row = (u: UnfinishedSnapshot) => ({ snapshotId: u.snapshotId, objects: u.objects, bytes: u.bytes, lastWrite: new Date(u.lastWrite).toISOString() });
