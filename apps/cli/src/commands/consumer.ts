import { listSnapshots, openStore, publishSnapshot, PublishConflictError, pullSnapshot, PullMismatchError, StoreError } from "@sdh/storage";
import { FolderNotWritableError } from "@sdh/local-files";
import { PACKS } from "@sdh/packs";
import { OutputFormat, snapshotIdProblem, VERSION_TAG } from "@sdh/schemas";
import { progressLine } from "../progress.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";

// Every entity of every pack this release ships: a pull's manifest then says which of them its snapshot has.
const ENTITIES: readonly string[] = PACKS.flatMap((p) => p.spec.entities.map((e) => e.name));
const FORMATS: readonly string[] = OutputFormat.options;

function store(address: string | undefined, flag: string) {
  if (!address) throw new UsageError(`${flag} URI is required: s3://bucket/prefix or a folder`);
  try {
    return openStore(address);
  } catch (error) {
    throw new UsageError(`${flag} ${(error as Error).message}`);
  }
}

function listOption(flag: string, text: string | undefined, allowed: readonly string[]): string[] | undefined {
  if (text === undefined) return undefined;
  const values = text.split(",").map((v) => v.trim());
  const unknown = values.filter((v) => !allowed.includes(v));
  if (unknown.length) throw new UsageError(`${flag}: unknown value(s) ${unknown.join(", ")}; allowed: ${allowed.join(", ")}`);
  return values;
}

/** `--schema-tag v0.9`: the layout's version folder; checked here, so a typo is a usage error. */
function tagOption(tag: string | undefined): string | undefined {
  if (tag !== undefined && !/^v\d+\.\d+$/.test(tag)) throw new UsageError(`--schema-tag '${tag}' is not a schema version tag; use e.g. ${VERSION_TAG}`);
  return tag;
}

/** Failures of the store (credentials, bucket, endpoint, a changed file) are the work failing: exit 1, one message. */
async function storeWork(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FolderNotWritableError) throw new UsageError(error.message);
    if (error instanceof StoreError || error instanceof PullMismatchError || error instanceof PublishConflictError) {
      console.error(`sdh: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
}

export async function list(args: string[]): Promise<number> {
  const { values } = commandArgs("list", { args, options: { source: { type: "string" }, "schema-tag": { type: "string" }, json: { type: "boolean", default: false } } });
  const source = store(values.source as string | undefined, "--source");
  return storeWork(async () => {
    // A document that cannot be read is named on stderr; the others are still listed.
    const snapshots = await listSnapshots(source, tagOption(values["schema-tag"]), ({ key, problem }) => console.error(`sdh: skipped ${key}: ${problem}`));
    if (values.json) console.log(JSON.stringify(snapshots, null, 2));
    else if (snapshots.length === 0) console.log(`no committed snapshots at ${source.location}`);
    else {
      console.log("  snapshot id                          asOf        seed   generated                 pack     root records         files  MiB");
      for (const s of snapshots) {
        // The root is the first entity counted: households (or, before schema 0.3, persons), customers.
        const [root, n] = Object.entries(s.counts)[0] ?? ["records", 0];
        console.log(
          `${s.latest ? "*" : " "} ${s.snapshotId.padEnd(36)} ${s.asOf}  ${String(s.seed).padStart(5)}  ${s.generatedAt}  ${s.pack.padEnd(7)}  ${`${n} ${root}`.padEnd(19)}  ${String(s.files).padStart(5)}  ${(s.bytes / 2 ** 20).toFixed(1)}`,
        );
      }
    }
    return EXIT.ok;
  });
}

export async function pull(args: string[]): Promise<number> {
  const { values } = commandArgs("pull", {
    args,
    options: {
      source: { type: "string" },
      "schema-tag": { type: "string" },
      snapshot: { type: "string", default: "latest" },
      out: { type: "string" },
      entities: { type: "string" },
      formats: { type: "string" },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const source = store(values.source as string | undefined, "--source");
  const out = values.out;
  if (!out) throw new UsageError("--out DIR is required: where the snapshot is written");
  const snapshot = values.snapshot;
  const idProblem = snapshot === "latest" ? null : snapshotIdProblem(snapshot);
  if (idProblem) throw new UsageError(`--snapshot '${snapshot}': ${idProblem}; give a snapshot id from \`sdh list\`, or latest`);
  const entities = listOption("--entities", values.entities as string | undefined, ENTITIES);
  const formats = listOption("--formats", values.formats as string | undefined, FORMATS);
  const show = process.stderr.isTTY && !values.json ? progressLine("pull") : null;
  return storeWork(async () => {
    try {
      const result = await pullSnapshot(source, {
        version: tagOption(values["schema-tag"]),
        snapshot,
        out,
        entities,
        formats,
        force: values.force,
        onFile: (_path, done, total) => show?.update(done, total, "files"),
        declaredEntities: (pack) => PACKS.find((p) => p.spec.name === pack)?.spec.entities.map((e) => e.name),
      });
      show?.done();
      if (values.json) console.log(JSON.stringify({ dir: result.dir, snapshotId: result.manifest.snapshotId, files: result.files.length, bytes: result.bytes }, null, 2));
      else console.log(`Pulled ${result.manifest.snapshotId} to ${result.dir}: ${result.files.length} files, ${result.bytes} bytes, every sha256 checked against the manifest`);
      return EXIT.ok;
    } finally {
      show?.done();
    }
  });
}

export async function publish(args: string[]): Promise<number> {
  const { values, positionals } = commandArgs("publish", { args, allowPositionals: true, options: { target: { type: "string" }, json: { type: "boolean", default: false } } });
  if (positionals.length !== 1) throw new UsageError("give one snapshot folder: sdh publish DIR --target URI");
  const target = store(values.target as string | undefined, "--target");
  return storeWork(async () => {
    const result = await publishSnapshot(positionals[0]!, target);
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else console.log(`${result.reused ? "Already published (same content)" : "Published"}: ${result.location}${result.latest ? " (latest)" : ""}`);
    return EXIT.ok;
  });
}
