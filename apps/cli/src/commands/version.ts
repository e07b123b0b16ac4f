import { createRequire } from "node:module";
import { PACK_GENERATORS, PACK_NAMES } from "@sdh/packs/names";
import { SCHEMA_VERSION } from "@sdh/schemas";
import { UsageError } from "../usage-error.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };
/** This release's version (apps/cli/package.json): `sdh --version`, and the default worker build id. */
export const SDH_VERSION = version;

export function printVersion(args: string[] = []): number {
  const unknown = args.filter((a) => a !== "--json");
  if (unknown.length) throw new UsageError(`unknown option(s) ${unknown.join(" ")}; see \`sdh version --help\``);
  // Each pack's generator version; `generator` stays the default (pc) pack's, as before packs.
  // Read from the packs' info modules: `sdh --version` loads no generator or reference table.
  const packs = Object.fromEntries(Object.entries(PACK_GENERATORS).map(([name, g]) => [name, g.version]));
  const generator = PACK_GENERATORS[PACK_NAMES[0]!]!.version;
  const versions = { sdh: version, schema: SCHEMA_VERSION, generator, packs, node: process.versions.node };
  if (args.includes("--json")) console.log(JSON.stringify(versions, null, 2));
  else console.log(`sdh ${version} (schema ${SCHEMA_VERSION}, generator ${generator}, packs ${Object.entries(packs).map(([p, v]) => `${p} ${v}`).join(", ")}, node ${process.versions.node})`);
  return 0;
}
