import { readFileSync } from "node:fs";

// ISO 18245 merchant category codes with their official descriptions (data/mcc.tsv, rebuilt by
// reference-build/build-mcc.ts from python-iso18245 1.4.1, MIT). src/reference/ and dist/reference/
// are both two folders below the package root, so one relative URL finds the table from either.

function load(): ReadonlyMap<string, string> {
  const text = readFileSync(new URL("../../data/mcc.tsv", import.meta.url), "utf8");
  const codes = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [code, description] = line.split("\t");
    if (!code || !/^\d{4}$/.test(code) || !description) throw new Error(`mcc.tsv: malformed line ${JSON.stringify(line)}`);
    codes.set(code, description);
  }
  return codes;
}

/** Every ISO 18245 code, with its official description. */
export const MCC_DESCRIPTIONS: ReadonlyMap<string, string> = load();
