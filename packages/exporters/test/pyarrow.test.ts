import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildBundle } from "./bundle-helpers.js";

// The Parquet files as a pandas/pyarrow user meets them. scripts/lib.sh (sdh_install_pyarrow) puts
// pyarrow in a venv under the sdh cache and exports SDH_PYTHON.
const cache = process.env.SDH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sdh");
const python = process.env.SDH_PYTHON ?? join(cache, "pyarrow-26.0.1", "bin", "python");

const SCRIPT = `
import json, sys
import pyarrow.parquet as pq
out = {}
for entity in ("households", "persons", "vehicles", "profiles"):
    table = pq.read_table(f"{sys.argv[1]}/{entity}_v0_9.parquet")
    out[entity] = {"rows": table.num_rows, "types": {f.name: str(f.type) for f in table.schema}, "first": {k: str(v) for k, v in table.slice(0, 1).to_pylist()[0].items()}}
print(json.dumps(out))
`;

describe("Parquet read by pyarrow", () => {
  it("has the rows and the types the schema says", async () => {
    expect(existsSync(python), `pyarrow's python at ${python}: run \`bash scripts/test.sh\` (it installs it) or set SDH_PYTHON`).toBe(true);
    const { out, manifest } = await buildBundle({ records: 80, formats: ["json", "parquet"] });
    const run = spawnSync(python, ["-c", SCRIPT, out], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const read = JSON.parse(run.stdout) as Record<string, { rows: number; types: Record<string, string>; first: Record<string, string> }>;
    expect(read.households!.rows).toBe(80);
    expect(read.persons!.rows).toBe(manifest.counts.persons);
    expect(read.households!.types).toMatchObject({ household_id: "string", member_count: "int32", address_line2: "string" });
    expect(read.vehicles!.rows).toBe(manifest.counts.vehicles);
    expect(read.persons!.types).toMatchObject({ person_id: "string", date_of_birth: "date32[day]", middle_name: "string", license_issue_date: "date32[day]" });
    expect(read.vehicles!.types).toMatchObject({ model_year: "int32", annual_mileage: "int32", gvwr_class: "string" });
    expect(read.profiles!.types).toMatchObject({ age: "int32", vehicle_count: "int32", risk_score: "int32" });
    expect(read.persons!.first.date_of_birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

// The parts layout (ADR 0028) as pyarrow and polars users open it: the entity's folder (or a glob of
// its parts) as one table.
const DATASET = `
import json, sys
import polars as pl
import pyarrow.dataset as ds
import pyarrow.parquet as pq
parts = ds.dataset(f"{sys.argv[1]}/persons", format="parquet").to_table()
whole = pq.read_table(sys.argv[2])
scanned = pl.scan_parquet(f"{sys.argv[1]}/persons/*.parquet").collect()
print(json.dumps({"rows": parts.num_rows, "same": parts.equals(whole), "polarsRows": scanned.height, "polarsSame": scanned.equals(pl.read_parquet(sys.argv[2]))}))
`;

describe("the parts layout read by pyarrow and polars", () => {
  it("opens an entity's folder as one dataset (pyarrow) and its parts as one scan (polars), equal row for row to the single file", async () => {
    const parted = await buildBundle({ records: 120, seed: 8, shardSize: 20, layout: { kind: "parts", roots: 40 }, formats: ["parquet"] });
    const single = await buildBundle({ records: 120, seed: 8, shardSize: 20, formats: ["parquet"] });
    const run = spawnSync(python, ["-c", DATASET, parted.out, join(single.out, "persons_v0_9.parquet")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ rows: single.manifest.counts.persons, same: true, polarsRows: single.manifest.counts.persons, polarsSame: true });
  });
});
