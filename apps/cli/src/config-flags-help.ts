// The config flags' help text, apart from config-flags.ts so that help loads no package behind the flags.
// The packs and their root entities come from the registry's plain data (`@sdh/packs/names`).
import { PACK_ENTITY_NAMES, PACK_SUMMARIES } from "@sdh/packs/names";

const PACK_LINES = Object.entries(PACK_SUMMARIES)
  .map(([pack, summary]) => `                     ${pack}: ${summary}`)
  .join("\n");
const ROOTS = Object.entries(PACK_ENTITY_NAMES)
  .map(([pack, entities]) => `${entities[0]} in ${pack}`)
  .join(", ");

const CONFIG_FLAGS_TEXT = `  --pack NAME        the entity pack (default ${Object.keys(PACK_ENTITY_NAMES)[0]}):
${PACK_LINES}
  --recipe FILE      a recipe (YAML or JSON) that declares the dataset instead of a pack: its
                     entities, fields of semantic types, parents and children (see the recipe
                     reference); --records defaults to the recipe's records
  --scale F          with --recipe: F times the recipe's records (a learned recipe states the
                     sample's size, so --scale 10 is ten times the sample; lookup
                     tables keep their rows)
  --records N        root records to generate (default 200): ${ROOTS};
                     all they hold follows
  --seed S           seed of every random choice (default 42)
  --as-of DATE       reference date YYYY-MM-DD for ages and years (default 2026-01-06)
  --formats LIST     csv,json,jsonl,parquet (default csv,json,parquet)
  --identifiers KIND realistic licence numbers and plates in live state formats (default), or
                     synthetic ones no state issues (SYN…, ZZ…), for test systems that reach live
                     vendors (governance/stewardship.md)
  --commercial-share F  pc only: the share of root records that are business accounts
                     (commercial auto fleets), not personal households (default 0.15; 0 gives a
                     personal-auto book)
  --shards K         split the root records into K shards (changes how work is split, never the
                     bytes; default: shards of 50,000)
  --parts N          write each entity as part files of N root records each,
                     <entity>/part-00000.<format>, the layout Spark, DuckDB, Athena, BigQuery,
                     pyarrow and polars read as one table (default: one file per entity and
                     format, split at 1 GiB); with --shards, N must be a multiple of the shard size
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
