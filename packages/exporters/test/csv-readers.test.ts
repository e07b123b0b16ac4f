import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildBundle } from "./bundle-helpers.js";

// The consumer guide's CSV recipe, taken from the README as written and run with the readers people
// use (issue 33.17): ZIP codes keep their leading zeros in pandas, polars and pyarrow. scripts/lib.sh
// (sdh_install_pyarrow) puts them in a venv under the sdh cache and exports SDH_PYTHON.
const cache = process.env.SDH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sdh");
const python = process.env.SDH_PYTHON ?? join(cache, "pyarrow-26.0.1", "bin", "python");
const readme = fileURLToPath(new URL("../../../README.md", import.meta.url));

/** The python block that follows the recipe's heading in the README. */
function recipe(): string {
  const text = readFileSync(readme, "utf8");
  const at = text.indexOf("**Reading the CSV files without losing leading zeros.**");
  const block = /```python\n([^]*?)```/.exec(text.slice(at));
  if (at < 0 || !block) throw new Error("the README's CSV recipe is gone");
  return block[1]!;
}

// What each reader made of the ZIP codes, against the file's own text (Python's csv module reads
// every field as text); and what a reader that guesses makes of them, so the check can fail.
const CHECK = `
import csv, sys
with open(path, newline="") as f:
    raw = [row["postal_code"] for row in csv.DictReader(f)]
naive = [str(v) for v in pd.read_csv(path)["postal_code"]]
print(json.dumps({
    "leadingZeros": sum(1 for z in raw if z.startswith("0")),
    "pandas": list(with_pandas["postal_code"]) == raw,
    "polars": with_polars["postal_code"].to_list() == raw,
    "pyarrow": with_pyarrow.column("postal_code").to_pylist() == raw,
    "naive": naive == raw,
    "nullsKept": [int(with_pandas["address_line2"].isna().sum()), with_polars["address_line2"].null_count(), with_pyarrow.column("address_line2").null_count],
    "nullsInFile": sum(1 for row in csv.DictReader(open(path, newline="")) if row["address_line2"] == ""),
}))
`;

describe("the README's CSV recipe (pandas, polars, pyarrow)", () => {
  it("keeps ZIP codes' leading zeros and reads only an empty field as null", async () => {
    expect(existsSync(python), `the readers' python at ${python}: run \`bash scripts/test.sh\` (it installs them) or set SDH_PYTHON`).toBe(true);
    const { out } = await buildBundle({ records: 400, seed: 7, formats: ["csv"] });
    const script = recipe().replace(`folder = "./data/latest"`, `folder = ${JSON.stringify(out)}`) + CHECK;
    const run = spawnSync(python, ["-c", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const read = JSON.parse(run.stdout) as { leadingZeros: number; pandas: boolean; polars: boolean; pyarrow: boolean; naive: boolean; nullsKept: number[]; nullsInFile: number };
    expect(read.leadingZeros).toBeGreaterThan(0); // New England and New Jersey: the case that matters
    expect(read).toMatchObject({ pandas: true, polars: true, pyarrow: true, naive: false });
    expect(read.nullsInFile).toBeGreaterThan(0);
    expect(read.nullsKept).toEqual([read.nullsInFile, read.nullsInFile, read.nullsInFile]);
  }, 60_000);
});
