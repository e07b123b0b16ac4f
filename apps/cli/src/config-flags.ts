import { resolve } from "node:path";
import { defaultSnapshotId } from "@sdh/exporters";
import { PACK_NAMES, packNamed } from "@sdh/packs";
import { parseTarget } from "@sdh/storage";
import { ConfigError, IdentifierStyle, OutputFormat, parseSnapshotConfig, snapshotIdProblem, type SnapshotConfig, type SnapshotConfigInput } from "@sdh/schemas";
import { UsageError } from "./usage-error.js";

/** The flags that make a snapshot config, shared by `generate` and `snapshot run`. */
export const CONFIG_FLAGS = {
  pack: { type: "string" },
  records: { type: "string" },
  seed: { type: "string" },
  "as-of": { type: "string" },
  formats: { type: "string" },
  identifiers: { type: "string" },
  shards: { type: "string" },
  "snapshot-id": { type: "string" },
} as const;

const CONFIG_FLAGS_TEXT = `  --pack NAME        the entity pack: pc (insurance households, the default) or fintech (banking
                     customers, accounts, transactions)
  --records N        root records to generate (default 200): households in pc, customers in fintech;
                     all they hold follows (persons to claims, accounts to transactions)
  --seed S           seed of every random choice (default 42)
  --as-of DATE       reference date YYYY-MM-DD for ages and years (default 2026-01-06)
  --formats LIST     csv,json,jsonl,parquet (default csv,json,parquet)
  --identifiers KIND realistic licence numbers and plates in live state formats (default), or
                     synthetic ones no state issues (SYN…, ZZ…), for test systems that reach live
                     vendors (governance/stewardship.md)
  --shards K         split the root records into K shards (changes how work is split, never the
                     bytes; default: shards of 50,000)
  --snapshot-id ID   the snapshot's id (default: asOf, seed and a digest of the config)`;

/**
 * The config flags' help lines with descriptions starting at `column`, so they line up with the
 * options of the command they are listed in (`generate` and `snapshot run` use 21).
 */
export function configFlagsHelp(column = 21, omit: readonly string[] = []): string {
  return CONFIG_FLAGS_TEXT.split("\n")
    .filter((line) => !omit.some((flag) => line.includes(flag)))
    .map((line) => {
      const option = /^( {2}--\S+(?: \S+)?) +(.*)$/.exec(line);
      return option ? `${option[1]!.padEnd(column - 1)} ${option[2]}` : `${" ".repeat(column)}${line.trim()}`;
    })
    .join("\n");
}

export const CONFIG_FLAGS_HELP = configFlagsHelp();

type ConfigValues = { [K in keyof typeof CONFIG_FLAGS]?: string };

/** The config and snapshot id the flags describe; every bad flag is a UsageError naming what is allowed. */
export function configFromFlags(values: ConfigValues): { config: SnapshotConfig; snapshotId: string } {
  const input: SnapshotConfigInput = {};
  if (values.pack !== undefined) {
    if (!PACK_NAMES.includes(values.pack)) throw new UsageError(`--pack '${values.pack}' is not an entity pack this release ships; allowed: ${PACK_NAMES.join(", ")}`);
    input.pack = values.pack;
  }
  if (values.records !== undefined) input.records = numberOption("--records", values.records);
  if (values.seed !== undefined) input.seed = numberOption("--seed", values.seed);
  if (values["as-of"] !== undefined) input.asOf = values["as-of"];
  if (values.formats !== undefined) {
    const formats = values.formats.split(",").map((f) => f.trim());
    const unknown = formats.filter((f) => !(OutputFormat.options as readonly string[]).includes(f));
    if (unknown.length) throw new UsageError(`--formats: unknown format(s) ${unknown.join(", ")}; allowed: ${OutputFormat.options.join(", ")}`);
    input.formats = formats as SnapshotConfigInput["formats"];
  }
  if (values.identifiers !== undefined) {
    if (!(IdentifierStyle.options as readonly string[]).includes(values.identifiers)) {
      throw new UsageError(`--identifiers must be ${IdentifierStyle.options.join(" or ")} (got '${values.identifiers}')`);
    }
    input.identifiers = values.identifiers as SnapshotConfigInput["identifiers"];
  }
  let config: SnapshotConfig;
  try {
    config = parseSnapshotConfig(input);
    if (values.shards !== undefined) {
      const shards = wholeNumberOption("--shards", values.shards);
      config = parseSnapshotConfig({ ...config, shardSize: Math.max(1, Math.ceil(config.records / shards)) });
    }
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.problems.map((p) => `--${p.replace(/^asOf/, "as-of")}`).join("\n"));
    throw error;
  }
  // The pack is one this release ships: --pack, SDH_PACK and snapshot.pack are checked as they are read.
  const asOf = packNamed(config.pack).asOfProblem(config.asOf);
  if (asOf) throw new UsageError(`--as-of ${asOf}`);
  const snapshotId = values["snapshot-id"] ?? defaultSnapshotId(config);
  const idProblem = snapshotIdProblem(snapshotId);
  if (idProblem) throw new UsageError(`--snapshot-id '${snapshotId}': ${idProblem}`);
  return { config, snapshotId };
}

export function numberOption(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number (got '${text}')`);
  return n;
}

export function wholeNumberOption(flag: string, text: string): number {
  const n = numberOption(flag, text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number ≥ 1 (got ${text})`);
  return n;
}

/**
 * A publish target as a worker needs it: `s3://bucket/prefix` as given, a folder made absolute (the
 * worker may run in another working directory). A bad one is a UsageError naming --target.
 */
export function targetOption(text: string): string {
  try {
    const target = parseTarget(text);
    return target.kind === "local" ? resolve(target.path) : text;
  } catch (error) {
    throw new UsageError(`--target ${(error as Error).message}`);
  }
}
