// Rebuilds data/mcc.tsv (ISO 18245 merchant category codes and their official descriptions) from the
// raw list python-iso18245 1.4.1 ships (MIT), fetched and checked by fetch-raw.sh:
//   pnpm --filter @sdh/pack-fintech reference:build
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const raw = execFileSync("bash", [fileURLToPath(new URL("fetch-raw.sh", import.meta.url))], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
const text = readFileSync(join(raw, "iso18245_official_list.csv"), "utf8");

/** The CSV's rows: `MCC,DESCRIPTION`, descriptions quoted when they hold a comma. */
function rows(csv: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of csv.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const match = /^(\d{4}),(?:"((?:[^"]|"")*)"|(.*))$/.exec(line);
    if (!match) throw new Error(`unexpected line in the ISO 18245 list: ${line}`);
    const description = (match[2] ?? match[3] ?? "").replaceAll('""', '"').trim();
    out.push([match[1]!, description]);
  }
  return out;
}

const table = rows(text);
if (table.length < 250) throw new Error(`the ISO 18245 list has ${table.length} codes; expected about 280`);
const header = "# ISO 18245 merchant category codes (official descriptions), from python-iso18245 1.4.1 (MIT), built by reference-build/build-mcc.ts\n";
const out = fileURLToPath(new URL("../data/mcc.tsv", import.meta.url));
writeFileSync(out, header + table.map(([code, description]) => `${code}\t${description}`).join("\n") + "\n");
console.log(`wrote ${table.length} codes to ${out}`);
